import { BadUserInputError } from '../../graphql/errors';
import { isValidPhone } from '../../validation/china-ids';
import { MATTER_CODE_PREFIX, Matter, MatterCategory, MatterType } from './entities';
import { FeeItemInput, MaterialInput } from './inputs';

/** The nine common elements (三级九统) held as columns; the ninth, materials, are rows. */
export const NINE_ELEMENTS = [
  'name',
  'type',
  'basis',
  'code',
  'legalLimitDays',
  'acceptanceConditions',
  'intermediaryServices',
  'serviceObjects',
] as const satisfies readonly (keyof Matter)[];

/** Everything an adopter takes from its source (with materials and fee items). */
export const SHARED_FIELDS = [...NINE_ELEMENTS, 'category', 'duties', 'procedure'] as const satisfies readonly (keyof Matter)[];

export type SharedField = (typeof SHARED_FIELDS)[number];

/** Fields a new matter must have. */
const REQUIRED_ON_CREATE: (keyof Matter)[] = [
  'name',
  'type',
  'basis',
  'code',
  'legalLimitDays',
  'acceptanceConditions',
  'serviceObjects',
  'category',
  'duties',
  'procedure',
  'departmentId',
  'promisedLimitDays',
  'consultationPhone',
  'complaintPhone',
  'address',
];

const MAX_LIMIT_DAYS = 365;

function fail(message: string, field: string): never {
  throw new BadUserInputError(message, `input.${field}`);
}

function text(value: unknown, field: string, max: number): void {
  if (typeof value === 'string' && (value.length === 0 || value.length > max)) fail(`"${field}" must be 1-${max} characters`, field);
}

/** The rules of a matter (issue: promised ≤ legal, code format, fen, materials, joint departments). */
export function validateMatter(
  fields: Partial<Matter>,
  options: { creating: boolean; materials?: MaterialInput[]; feeItems?: FeeItemInput[] },
): void {
  if (options.creating) {
    const missing = REQUIRED_ON_CREATE.find((key) => fields[key] === undefined || fields[key] === null);
    if (missing) fail(`"${missing}" is required`, missing);
    if (!options.materials) fail('"materials" is required', 'materials');
  }
  text(fields.name, 'name', 128);
  text(fields.basis, 'basis', 5000);
  text(fields.acceptanceConditions, 'acceptanceConditions', 5000);
  text(fields.duties, 'duties', 5000);
  text(fields.procedure, 'procedure', 5000);
  text(fields.address, 'address', 200);
  if (fields.code !== undefined && fields.type !== undefined) {
    const prefix = MATTER_CODE_PREFIX[fields.type as MatterType];
    if (!new RegExp(`^${prefix}\\d{8}$`).test(fields.code)) {
      fail(`"code" must be ${prefix} (the prefix of ${fields.type}) followed by 8 digits`, 'code');
    }
  }
  for (const key of ['legalLimitDays', 'promisedLimitDays'] as const) {
    const days = fields[key];
    if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > MAX_LIMIT_DAYS)) {
      fail(`"${key}" must be a whole number of working days, 0-${MAX_LIMIT_DAYS}`, key);
    }
  }
  if (fields.promisedLimitDays !== undefined && fields.legalLimitDays !== undefined && fields.promisedLimitDays > fields.legalLimitDays) {
    fail(`"promisedLimitDays" (${fields.promisedLimitDays}) must not exceed the legal limit (${fields.legalLimitDays})`, 'promisedLimitDays');
  }
  if (fields.serviceObjects !== undefined && fields.serviceObjects.length === 0) fail('"serviceObjects" needs at least one', 'serviceObjects');
  for (const key of ['consultationPhone', 'complaintPhone'] as const) {
    const phone = fields[key];
    if (phone !== undefined && !isValidPhone(phone) && !/^12345$|^\d{5}$/.test(phone)) fail(`"${key}" is not a phone number`, key);
  }
  if (fields.category === MatterCategory.JOINT && (fields.jointDepartmentIds ?? []).length < 2) {
    fail('A JOINT matter (联办件) needs at least two departments in "jointDepartmentIds"', 'jointDepartmentIds');
  }
  if (options.materials) {
    if (!options.materials.some((m) => m.required)) fail('"materials" needs at least one required material', 'materials');
    options.materials.forEach((m, i) => {
      text(m.name, `materials[${i}].name`, 200);
      if (!Number.isInteger(m.copies) || m.copies < 1 || m.copies > 99) fail('"copies" must be 1-99', `materials[${i}].copies`);
    });
  }
  options.feeItems?.forEach((f, i) => {
    text(f.name, `feeItems[${i}].name`, 200);
    text(f.basis, `feeItems[${i}].basis`, 500);
    if (!Number.isSafeInteger(f.amountFen) || f.amountFen < 0) {
      fail('"amountFen" must be a non-negative whole number of fen', `feeItems[${i}].amountFen`);
    }
  });
}

interface MaterialShape {
  name: string;
  required: boolean;
  form: string;
  copies: number;
}

export function materialsDiffer(a: MaterialShape[], b: MaterialShape[]): boolean {
  const shape = (list: MaterialShape[]) => JSON.stringify(list.map((m) => [m.name, m.required, m.form, m.copies]));
  return shape(a) !== shape(b);
}
