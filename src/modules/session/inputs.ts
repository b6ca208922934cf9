import { Field, InputType } from 'type-graphql';

@InputType()
export class LoginInput {
  @Field()
  username: string;

  @Field()
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword: string;

  @Field({ description: 'At least 10 characters with a letter and a digit' })
  newPassword: string;
}
