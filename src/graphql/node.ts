import { Field, ID, InterfaceType } from 'type-graphql';
import { encodeGlobalId } from './global-id';

/**
 * Relay's Node interface. Every object type with an id extends this class, so its
 * GraphQL `id` is the opaque global id built from the class name (which is also the
 * GraphQL type name) and the database id.
 */
@InterfaceType('Node', { description: 'An object with an opaque global id (Relay).' })
export abstract class Node {
  /** The database id; never exposed as such. */
  abstract id: number;

  @Field(() => ID, { name: 'id', description: 'Opaque global id; pass it to `node(id:)`.' })
  get globalId(): string {
    return encodeGlobalId(this.constructor.name, this.id);
  }
}
