// The API's shapes as the web app uses them (see the contracts in the booking, front-door and trust routes).
// Only the fields the pages read are listed; the server may send more.

export type Role = 'patient' | 'receptionist' | 'clinician' | 'hub_staff' | 'link_worker' | 'pcn_lead' | 'commissioner' | 'admin';
export type Mode = 'in_person' | 'telephone' | 'video' | 'home_visit';
export type Disposition = 'emergency' | 'urgent' | 'routine' | 'self_care';
export type CareService =
  | 'emergency_999' | 'mental_health_crisis' | 'same_day_clinician' | 'own_clinician' | 'first_available'
  | 'community_pharmacy' | 'self_care' | 'social_prescribing' | 'admin_team' | 'hub';
export type Answer = 'yes' | 'no' | 'unsure';
export type Sex = 'female' | 'male';

export interface SessionActor {
  role: Role;
  displayName: string;
  practiceId: string | null;
  hubId: string | null;
  pcnId: string | null;
  patientId: number | null;
  nhsNumber: string | null;
  /** Patients this patient may act for (proxy access). */
  actsFor?: number[];
}

export interface Session {
  signedIn: boolean;
  actor?: SessionActor;
  csrfToken: string | null;
}

export interface TriageReason {
  ruleId: string;
  summary: string;
  quote: string;
}

export interface SafetyQuestion {
  id: string;
  text: string;
  why?: string;
}

export interface TriageOutcome {
  disposition: Disposition;
  service: CareService;
  timeWindow?: { label: string; withinHours: number };
  modes: Mode[];
  reasons: TriageReason[];
  safetyNetting: string[];
}

export interface TriagePreview {
  outcome: TriageOutcome;
  nextQuestion: SafetyQuestion | null;
}

export type CareLaneChoice = 'own_clinician' | 'first_available';

export interface SubmittedRequest {
  id: string;
  status: string;
  statusText?: string;
  outcome: TriageOutcome;
  lanes?: { first: CareLaneChoice; alternative: CareLaneChoice } | null;
  expectedResponse?: { by: string; text: string } | null;
}

export interface RequestMessage {
  id: string | number;
  /** 'practice' | 'you' | 'patient' | 'system' */
  from: string;
  body: string;
  at: string;
}

export interface RequestSummary extends SubmittedRequest {
  patientId?: number | null;
  createdAt?: string;
  description?: string;
  appointmentId?: string | null;
  messages?: RequestMessage[];
}

export interface Site {
  id: string;
  name: string;
  postcode: string;
  stepFree: boolean;
  addressLine?: string;
}

export interface Clinician {
  id: string;
  name: string;
  role: string;
  languages?: string[];
}

export interface Organisation {
  kind: 'practice' | 'hub';
  id: string;
  name: string;
}

export interface TravelMinutes {
  walk: number | null;
  public_transport: number | null;
  car: number | null;
}

export interface BookingOption {
  slotId: string | number;
  start: string;
  end: string;
  mode: Mode;
  site: Site | null;
  clinician: Clinician;
  organisation: Organisation;
  travelMinutes: TravelMinutes | null;
  reasons: { code: string; text: string }[];
  score: number;
}

export interface LaneSummary {
  clinician?: Clinician | null;
  firstSlot?: BookingOption | null;
  expectedWaitDays: number | null;
}

export interface BookingSearchResult {
  options: BookingOption[];
  usualClinician: LaneSummary | null;
  firstAvailable: LaneSummary | null;
}

export interface Appointment {
  id: string;
  patientId: number | string;
  slotId: string | number;
  start: string;
  end: string;
  mode: Mode;
  status: 'booked' | 'cancelled' | 'attended' | 'dna' | 'unknown';
  site: Site | null;
  clinician: Clinician | null;
  organisation: Organisation | null;
  reference?: string;
}

export interface CommunityService {
  id: string;
  name: string;
  category: string;
  description: string;
  addressLine: string;
  postcode: string;
  languages: string[];
  contact: string;
}
