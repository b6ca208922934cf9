import { Department, Tenant, User } from '../modules/tenancy/entities';
import { LoginThrottle } from '../modules/session/entities';
import { FeeItem, MaterialRequirement, Matter } from '../modules/matters/entities';
import {
  LunchDutyRota,
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
  LoginThrottle,
  Matter,
  MaterialRequirement,
  FeeItem,
  Window,
  WindowMatter,
  WindowStatusChange,
  WindowPost,
  StaffAbsence,
  WindowCover,
  LunchDutyRota,
];
