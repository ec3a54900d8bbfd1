// Which component shows each route. The staff workspace is a separate chunk, loaded only when visited.
import { lazy, type ComponentType } from 'react';
import type { RouteId } from './route-table.ts';
import { AccessibilityPage, NotFoundPage } from './SimplePages.tsx';
import { StartPage } from '../journey/StartPage.tsx';
import { WhoPage } from '../journey/WhoPage.tsx';
import { DescribePage } from '../journey/DescribePage.tsx';
import { QuestionsPage } from '../journey/QuestionsPage.tsx';
import { EmergencyPage } from '../journey/EmergencyPage.tsx';
import { AdvicePage } from '../journey/AdvicePage.tsx';
import { OutcomePage } from '../journey/OutcomePage.tsx';
import { RequirePatient } from '../journey/RequirePatient.tsx';
import { ChangeAppointmentPage, ChooseAppointmentPage } from '../booking/ChooseAppointmentPage.tsx';
import { ConfirmPage } from '../booking/ConfirmPage.tsx';
import { AppointmentPage } from '../booking/AppointmentPage.tsx';
import { CancelPage } from '../booking/CancelPage.tsx';
import { MyAppointmentsPage } from '../booking/MyAppointmentsPage.tsx';
import { MyRequestsPage, RequestPage } from '../requests/RequestsPages.tsx';

export interface PageProps {
  params: Record<string, string>;
  search: URLSearchParams;
}

const staff = <K extends 'StaffHomePage' | 'QueuePage' | 'StaffRequestPage' | 'PatientSearchPage' | 'StaffPatientPage' | 'CapacityPage' | 'WaitingListPage'>(name: K) =>
  lazy(async () => ({ default: (await import('../staff/pages.ts'))[name] as ComponentType<PageProps> }));

const signedIn = (Page: ComponentType, returnTo: string): ComponentType<PageProps> =>
  function SignedInPage() {
    return <RequirePatient returnTo={returnTo}><Page /></RequirePatient>;
  };

export const PAGES = {
  home: StartPage,
  who: signedIn(WhoPage, '/request/who'),
  describe: signedIn(DescribePage, '/request/describe'),
  questions: signedIn(QuestionsPage, '/request/questions'),
  emergency: EmergencyPage,
  advice: AdvicePage,
  outcome: OutcomePage,
  book: ChooseAppointmentPage,
  bookConfirm: ConfirmPage,
  appointments: MyAppointmentsPage,
  appointment: AppointmentPage,
  appointmentCancel: CancelPage,
  appointmentChange: ChangeAppointmentPage,
  requests: MyRequestsPage,
  request: RequestPage,
  accessibility: AccessibilityPage,
  staffHome: staff('StaffHomePage'),
  staffQueue: staff('QueuePage'),
  staffRequest: staff('StaffRequestPage'),
  staffPatients: staff('PatientSearchPage'),
  staffPatient: staff('StaffPatientPage'),
  staffCapacity: staff('CapacityPage'),
  staffWaitingList: staff('WaitingListPage'),
  notFound: NotFoundPage,
} satisfies Record<RouteId, ComponentType<PageProps>>;
