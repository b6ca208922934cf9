import { Message } from '../../graphql/language';
import { messages } from '../../graphql/messages';
import { InputCheck } from '../../validation/input-check';
import { isValidPhone } from '../../validation/china-ids';
import { MATTER_CODE_PREFIX, Matter, MatterCategory, MatterType } from './entities';
import { FeeItemInput, MaterialInput } from './inputs';
import { matterMessages as m } from './messages';

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

/** The rules of a matter (issue: promised ≤ legal, code format, fen, materials, joint departments), every problem at once. */
export function validateMatter(
  fields: Partial<Matter>,
  options: { creating: boolean; materials?: MaterialInput[]; feeItems?: FeeItemInput[] },
): void {
  const check = new InputCheck();
  const rule = (ok: boolean, field: string, text: Message) => check.that(ok, `input.${field}`, text);
  const text = (value: unknown, field: string, max: number) =>
    typeof value !== 'string' || rule(value.length > 0 && value.length <= max, field, messages.textLength(field, max));
  if (options.creating) {
    for (const key of REQUIRED_ON_CREATE) rule(fields[key] !== undefined && fields[key] !== null, key, m.required(key));
    rule(options.materials !== undefined, 'materials', m.required('materials'));
  }
  text(fields.name, 'name', 128);
  text(fields.basis, 'basis', 5000);
  text(fields.acceptanceConditions, 'acceptanceConditions', 5000);
  text(fields.duties, 'duties', 5000);
  text(fields.procedure, 'procedure', 5000);
  text(fields.address, 'address', 200);
  if (fields.code !== undefined && fields.type !== undefined) {
    const prefix = MATTER_CODE_PREFIX[fields.type as MatterType];
    rule(new RegExp(`^${prefix}\\d{8}$`).test(fields.code), 'code', m.codeFormat(prefix, fields.type));
  }
  for (const key of ['legalLimitDays', 'promisedLimitDays'] as const) {
    const days = fields[key];
    rule(days === undefined || (Number.isInteger(days) && days >= 0 && days <= MAX_LIMIT_DAYS), key, m.limitDays(key, MAX_LIMIT_DAYS));
  }
  if (fields.promisedLimitDays !== undefined && fields.legalLimitDays !== undefined) {
    rule(fields.promisedLimitDays <= fields.legalLimitDays, 'promisedLimitDays', m.promisedOverLegal(fields.promisedLimitDays, fields.legalLimitDays));
  }
  const supplementDays = fields.supplementDays;
  rule(supplementDays === undefined || supplementDays === null || (Number.isInteger(supplementDays) && supplementDays >= 1 && supplementDays <= 30), 'supplementDays', m.supplementDays);
  rule(fields.serviceObjects === undefined || fields.serviceObjects.length > 0, 'serviceObjects', m.serviceObjects);
  for (const key of ['consultationPhone', 'complaintPhone'] as const) {
    const phone = fields[key];
    rule(phone === undefined || isValidPhone(phone) || /^12345$|^\d{5}$/.test(phone), key, m.notPhone(key));
  }
  if (fields.category === MatterCategory.JOINT) rule((fields.jointDepartmentIds ?? []).length >= 2, 'jointDepartmentIds', m.jointDepartments);
  if (options.materials) {
    rule(options.materials.some((material) => material.required), 'materials', m.requiredMaterial);
    options.materials.forEach((material, i) => {
      text(material.name, `materials[${i}].name`, 200);
      rule(Number.isInteger(material.copies) && material.copies >= 1 && material.copies <= 99, `materials[${i}].copies`, m.copies(`materials[${i}].copies`));
    });
  }
  options.feeItems?.forEach((f, i) => {
    text(f.name, `feeItems[${i}].name`, 200);
    text(f.basis, `feeItems[${i}].basis`, 500);
    rule(Number.isSafeInteger(f.amountFen) && f.amountFen >= 0, `feeItems[${i}].amountFen`, m.amountFen);
  });
  check.done();
}

interface MaterialShape {
  name: string;
  required: boolean;
  form: string;
  copies: number;
}

export function materialsDiffer(a: MaterialShape[], b: MaterialShape[]): boolean {
  const shape = (list: MaterialShape[]) => JSON.stringify(list.map((material) => [material.name, material.required, material.form, material.copies]));
  return shape(a) !== shape(b);
}
