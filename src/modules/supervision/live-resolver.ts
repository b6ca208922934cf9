import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import { RequestContext } from '../../context';
import { Node } from '../../graphql/node';
import { loadNodes } from '../../graphql/nodes';
import { encodeGlobalId } from '../../graphql/global-id';
import { SupervisionAlertEvent, WindowCoverageEvent } from '../../events/bus';
import { CoverageChange, SupervisionAlertKind } from '../../events/live';
import { Tenant } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { EmptyPostCause, Window } from '../windows/entities';
import * as windows from '../windows/service';
import { liveEvents } from './live';

registerEnumType(CoverageChange, {
  name: 'CoverageChange',
  description: 'What moved a window’s coverage (在岗 / 空岗)',
  valuesConfig: {
    LEFT_POST: { description: '离岗: somebody left the post' },
    RETURNED_TO_POST: { description: 'Back on post after leaving it' },
    ABSENCE_SCHEDULED: { description: 'A planned absence (请假, 培训, 出差) with its covers (替岗)' },
    ABSENCE_CANCELLED: { description: 'A planned absence was cancelled' },
    WINDOW_STATUS: { description: 'The window was created, opened or closed (准入准出)' },
    POSTS_ASSIGNED: { description: 'Its A and B posts (AB岗) were assigned anew' },
    STAFF_RELEASED: { description: 'Somebody on its posts was deactivated or removed from them' },
  },
});

registerEnumType(SupervisionAlertKind, {
  name: 'SupervisionAlertKind',
  description: 'What a live supervision alert (电子监察) is about',
  valuesConfig: {
    CASE_YELLOW: { description: '黄牌: a case with at most one working day left' },
    CASE_RED: { description: '红牌: a case past its deadline' },
    TICKET_STEP_LATE: { description: 'A collaboration-ticket step past due' },
    COMPLAINT_LATE: { description: '投诉超期: a complaint past its reply deadline' },
    SUPERVISION_NOTICE: { description: 'A new supervision notice (督办)' },
  },
});

@ObjectType({ description: '在岗 / 空岗, live: one window’s coverage just changed (a hall screen redraws it)' })
export class WindowCoverageChange {
  tenantId: number;
  windowId: number;

  @Field(() => CoverageChange, { description: 'What changed' })
  change: CoverageChange;

  @Field({ description: '空岗: nobody is on post at the window now, within opening hours' })
  empty: boolean;

  @Field(() => EmptyPostCause, { nullable: true, description: 'Why nobody is on post; null when somebody is' })
  cause: EmptyPostCause | null;

  @Field({ description: 'When the change was recorded' })
  at: Date;
}

@ObjectType({ description: '电子监察, live: something in a centre needs a supervisor’s eye now' })
export class SupervisionAlertRaised {
  tenantId: number;

  @Field(() => SupervisionAlertKind, { description: 'What the alert is about' })
  kind: SupervisionAlertKind;

  @Field(() => ID, { description: 'Global id of the subject (a case, ticket step, complaint or notice); read it with `node(id:)` or `subjectNode`' })
  subject: string;

  @Field({ description: 'When it happened' })
  at: Date;

  @Field({ description: 'A short reason for the screen' })
  reason: string;
}

const windowCoverageChange = (event: WindowCoverageEvent): WindowCoverageChange =>
  Object.assign(new WindowCoverageChange(), {
    tenantId: event.tenantId,
    windowId: event.windowId,
    change: event.change as CoverageChange,
    empty: event.empty,
    cause: event.cause as EmptyPostCause | null,
    at: new Date(event.at),
  });

const supervisionAlertRaised = (event: SupervisionAlertEvent): SupervisionAlertRaised =>
  Object.assign(new SupervisionAlertRaised(), {
    tenantId: event.tenantId,
    kind: event.kind as SupervisionAlertKind,
    subject: encodeGlobalId(event.subjectType, event.subjectId),
    at: new Date(event.at),
    reason: event.reason,
  });

const TENANT_CODE = '行政区划代码 of a readable centre; its readable subordinates are included (a city sees its counties)';

@Resolver(() => WindowCoverageChange)
export class WindowCoverageChangeResolver {
  @Subscription(() => WindowCoverageChange, {
    description: '在岗 / 空岗, live for hall screens: a window’s coverage changed (someone left or returned to a post, an absence, a window opened or closed). Over WebSocket (graphql-ws) at /graphql, the token in the connection’s init payload',
    subscribe: ({ args, context }) =>
      liveEvents(context as RequestContext, 'windowCoverageChanged', String(args.tenantCode), (event) => encodeGlobalId('Window', event.windowId)),
  })
  windowCoverageChanged(@Root() event: WindowCoverageEvent, @Arg('tenantCode', { description: TENANT_CODE }) _tenantCode: string): WindowCoverageChange {
    return windowCoverageChange(event);
  }

  @FieldResolver(() => Tenant, { description: 'The centre of the window' })
  async tenant(@Ctx() ctx: RequestContext, @Root() change: WindowCoverageChange): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, change.tenantId);
  }

  @FieldResolver(() => Window, { nullable: true, description: 'The window, as read now' })
  window(@Ctx() ctx: RequestContext, @Root() change: WindowCoverageChange): Promise<Window | null> {
    return windows.loadWindow(ctx, change.windowId);
  }
}

@Resolver(() => SupervisionAlertRaised)
export class SupervisionAlertRaisedResolver {
  @Subscription(() => SupervisionAlertRaised, {
    description: '电子监察, live for supervisors’ screens: a case turning YELLOW or RED, a late ticket step or complaint, a new supervision notice. Over WebSocket (graphql-ws) at /graphql, the token in the connection’s init payload',
    subscribe: ({ args, context }) =>
      liveEvents(context as RequestContext, 'supervisionAlertRaised', String(args.tenantCode), (event) => encodeGlobalId(event.subjectType, event.subjectId)),
  })
  supervisionAlertRaised(@Root() event: SupervisionAlertEvent, @Arg('tenantCode', { description: TENANT_CODE }) _tenantCode: string): SupervisionAlertRaised {
    return supervisionAlertRaised(event);
  }

  @FieldResolver(() => Tenant, { description: 'The centre the alert belongs to' })
  tenant(@Ctx() ctx: RequestContext, @Root() alert: SupervisionAlertRaised): Promise<Tenant | null> {
    return tenancy.loadTenant(ctx, alert.tenantId);
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The subject itself, read in the viewer’s scope, with the field policies of queries' })
  async subjectNode(@Ctx() ctx: RequestContext, @Root() alert: SupervisionAlertRaised): Promise<Node | null> {
    const [node] = await loadNodes(ctx, [alert.subject], 'subject');
    return node;
  }
}
