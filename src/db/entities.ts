import { Department, Tenant, User } from '../modules/tenancy/entities';
import { Throttle } from '../auth/throttle';
import { AuditChainHead, AuditEntry } from '../modules/audit/entities';
import { CalendarOverride, NationalCalendarDay, NationalCalendarYear } from '../modules/calendar/entities';
import { Application, ApplicationCounter, ApplicationStatsRollup, ApplicationEvent, JointOpinion } from '../modules/applications/entities';
import {
  CollaborationTicket,
  ContactLedgerEntry,
  CrossProvinceMatter,
  ProblemLedgerEntry,
  TicketStep,
} from '../modules/collaboration/entities';
import { Complaint, ComplaintCounter, ComplaintEvent, ComplaintSettings, Sanction } from '../modules/complaints/entities';
import { CrossRegionMatter, FeeItem, MaterialRequirement, Matter } from '../modules/matters/entities';
import {
  EmptyPostEvent,
  HallHours,
  LunchDutyRota,
  PostSignOff,
  StaffAbsence,
  Window,
  WindowCover,
  WindowMatter,
  WindowPost,
  WindowStatusChange,
} from '../modules/windows/entities';

/** Every entity, for the DataSource. */
export const ENTITIES = [
  Tenant,
  Department,
  User,
  Throttle,
  Matter,
  CrossRegionMatter,
  MaterialRequirement,
  FeeItem,
  Window,
  WindowMatter,
  WindowStatusChange,
  WindowPost,
  StaffAbsence,
  WindowCover,
  LunchDutyRota,
  HallHours,
  PostSignOff,
  EmptyPostEvent,
  NationalCalendarDay,
  NationalCalendarYear,
  CalendarOverride,
  Application,
  ApplicationEvent,
  JointOpinion,
  ApplicationCounter,
  ApplicationStatsRollup,
  CollaborationTicket,
  TicketStep,
  CrossProvinceMatter,
  ContactLedgerEntry,
  ProblemLedgerEntry,
  Complaint,
  ComplaintEvent,
  ComplaintCounter,
  ComplaintSettings,
  Sanction,
  AuditEntry,
  AuditChainHead,
];
