import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../tenancy/entities';
import { Window, WindowPostRole } from './entities';

/**
 * GraphQL views of window rows that are not nodes of their own. The services return
 * the entity rows; the resolvers of these types turn their ids into objects.
 */
@ObjectType('WindowPost', { description: 'AB岗: who holds the A (primary) or B (backup) post of a window' })
export class WindowPostView {
  @Field(() => WindowPostRole)
  post: WindowPostRole;

  userId: number;
}

@ObjectType('WindowCover', { description: '替岗: a replacement on a window while its posts are away' })
export class WindowCoverView {
  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  windowId: number;
  userId: number;
}

export enum OnPostRole {
  A = 'A',
  B = 'B',
  COVER = 'COVER',
}
registerEnumType(OnPostRole, {
  name: 'OnPostRole',
  description: 'Why this person is on post (AB岗)',
  valuesConfig: {
    A: { description: 'A岗: the primary post is there' },
    B: { description: 'B岗: the backup stands in for an absent A' },
    COVER: { description: '替岗: a replacement, because A and B are both away' },
  },
});

@ObjectType({ description: 'Who is on post at a window at one moment' })
export class WindowOnPost {
  @Field(() => Window)
  window: Window;

  @Field(() => User)
  user: User;

  @Field(() => OnPostRole)
  post: OnPostRole;
}

@ObjectType({ description: '在岗情况: who is on post at every OPEN window of a centre at one moment' })
export class WindowCoverage {
  @Field()
  at: Date;

  @Field(() => [WindowOnPost], { description: 'Staffed windows, by window number' })
  onPost: WindowOnPost[];

  @Field(() => [Window], { description: '空岗: OPEN windows with nobody on post, by window number' })
  emptyWindows: Window[];
}
