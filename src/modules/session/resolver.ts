import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { RequestContext } from '../../context';
import { User } from '../tenancy/entities';
import { ChangePasswordInput, LoginInput } from './inputs';
import * as session from './service';

@ObjectType({ description: 'A signed-in session' })
export class LoginPayload {
  @Field({ description: 'Bearer token for the Authorization header' })
  token: string;

  @Field({ description: 'When the token expires; ask refreshToken before then' })
  expiresAt: Date;

  @Field(() => User, { description: 'The signed-in user' })
  viewer: User;
}

function payload(signedIn: session.SignedIn): LoginPayload {
  return { token: signedIn.token, expiresAt: signedIn.expiresAt, viewer: signedIn.user };
}

@Resolver()
export class SessionResolver {
  @Mutation(() => LoginPayload, { description: 'Sign in. Wrong username and wrong password give the same error.' })
  async login(@Ctx() ctx: RequestContext, @Arg('input') input: LoginInput): Promise<LoginPayload> {
    return payload(await session.login(ctx, input));
  }

  @Mutation(() => LoginPayload, {
    description: 'A fresh token for the signed-in user, before the current one expires; refused once it is revoked (logout, password or role change, deactivation)',
  })
  async refreshToken(@Ctx() ctx: RequestContext): Promise<LoginPayload> {
    return payload(await session.refreshToken(ctx));
  }

  @Mutation(() => Boolean, { description: 'Sign out everywhere: every token issued so far is revoked; returns true' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return session.logout(ctx);
  }

  @Mutation(() => LoginPayload, { description: 'Change the own password; older tokens are revoked' })
  async changePassword(@Ctx() ctx: RequestContext, @Arg('input') input: ChangePasswordInput): Promise<LoginPayload> {
    return payload(await session.changePassword(ctx, input));
  }
}
