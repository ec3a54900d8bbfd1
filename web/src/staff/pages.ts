// The staff workspace, loaded on demand: patients never download it.
export { StaffHomePage } from './StaffHomePage.tsx';
export { QueuePage } from './QueuePage.tsx';
export { StaffRequestPage } from './StaffRequestPage.tsx';
export { PatientSearchPage, StaffPatientPage } from './PatientPages.tsx';
export { CapacityPage } from './CapacityPage.tsx';
export { WaitingListPage } from './WaitingListPage.tsx';
