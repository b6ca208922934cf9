import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Sign in with a staff account' })
export class LoginInput {
  @Field({ description: 'Sign-in name (用户名), compared exactly' })
  username: string;

  @Field({ description: 'Password; attempts are throttled (TOO_MANY_ATTEMPTS)' })
  password: string;
}

@InputType({ description: "Change the signed-in user's password; other tokens stop working" })
export class ChangePasswordInput {
  @Field({ description: 'The password in use now' })
  currentPassword: string;

  @Field({ description: 'At least 10 characters with a letter and a digit' })
  newPassword: string;
}
