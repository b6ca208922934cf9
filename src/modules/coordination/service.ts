/**
 * 工作衔接 (鞍山 衔接): what other modules use. The routing points and the matrix live in
 * matrix.ts, the work items and their routes in work-items.ts, what 督办 and the appraisal
 * read in oversight.ts (on figures.ts).
 */
export { coordinationDepartmentId, coordinationPointsOf, responsibilitiesOf } from './matrix';
export { overdueWorkForCheck, OverdueWorkPart, workItemOfNotice, workPartsAgainst, WorkPartEvent } from './oversight';
