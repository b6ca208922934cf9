import { message } from '../../graphql/language';

/** Messages of 工作衔接 (鞍山 衔接) (README, "Errors and languages"). */
export const coordinationMessages = {
  workItem: message('衔接事项', 'Work item'),
  department: message('部门', 'Department'),

  // Routing points and the responsibility matrix.
  ownCentreDepartment: message('部门须是本中心的部门', '"departmentId" must be a department of your centre'),
  pointSide: (point: string) =>
    message(`${point} 须是${point.startsWith('BUREAU') ? '行政审批局的科室' : '中心的部门'}`, `${point} must be a department of the ${point.startsWith('BUREAU') ? 'approval bureau (APPROVAL_BUREAU)' : 'centre (CENTRE)'}`),
  matrixSide: message('职责分工只列行政审批局科室和中心部门', 'The matrix lists bureau sections (APPROVAL_BUREAU) and centre departments (CENTRE) only'),
  matrixRepeated: message('同一事项中同一部门只能出现一次', 'A department appears once per area'),
  matrixSize: message('职责分工最多 300 行', 'At most 300 rows'),
  duties: message('职责说明不超过 500 个字符', '"duties" must be at most 500 characters'),
};
