import { message } from '../../graphql/language';

/** Messages of signing in and passwords (README, "Errors and languages"). */
export const sessionMessages = {
  badCredentials: message('用户名或密码错误', 'Wrong username or password'),
  wrongCurrentPassword: message('当前密码不正确', '"currentPassword" is wrong'),
  samePassword: message('新密码不能与当前密码相同', '"newPassword" must differ from the current one'),
};
