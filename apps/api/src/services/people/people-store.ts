import { and, asc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import {
  type SessionRow,
  sessions,
  signInThrottle,
  type UserRow,
  type UserTokenRow,
  users,
  userTokens,
} from '../../db/schema.js';

// The SQL of people, sessions, one-time links and sign-in throttling. Writes are called inside
// Store.write (the request's transaction), reads anywhere.

export class PeopleStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  // ---------------------------------------------------------------- users

  userById(id: string): UserRow | undefined {
    return this.#db.select().from(users).where(eq(users.id, id)).get();
  }

  userOfPractice(ods: string, id: string): UserRow | undefined {
    return this.#db
      .select()
      .from(users)
      .where(and(eq(users.practiceOds, ods), eq(users.id, id)))
      .get();
  }

  userByEmail(email: string): UserRow | undefined {
    return this.#db.select().from(users).where(eq(users.email, email)).get();
  }

  usersOfPractice(ods: string): UserRow[] {
    return this.#db
      .select()
      .from(users)
      .where(eq(users.practiceOds, ods))
      .orderBy(asc(users.createdAt), asc(users.id))
      .all();
  }

  insertUser(row: typeof users.$inferInsert): void {
    this.#db.insert(users).values(row).run();
  }

  updateUser(id: string, values: Partial<typeof users.$inferInsert>): void {
    this.#db.update(users).set(values).where(eq(users.id, id)).run();
  }

  // ---------------------------------------------------------------- sessions

  insertSession(row: typeof sessions.$inferInsert): void {
    this.#db.insert(sessions).values(row).run();
  }

  sessionByTokenHash(tokenHash: string): SessionRow | undefined {
    return this.#db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).get();
  }

  updateSession(id: string, values: Partial<typeof sessions.$inferInsert>): void {
    this.#db.update(sessions).set(values).where(eq(sessions.id, id)).run();
  }

  deleteSession(id: string): void {
    this.#db.delete(sessions).where(eq(sessions.id, id)).run();
  }

  /** Ends every session of the user (sign out everywhere, password reset, disabling). */
  deleteSessionsOf(userId: string): number {
    return this.#db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
  }

  /** Forgets sessions that can no longer be used: past their absolute end or idle since `idleBefore`. */
  pruneSessions(now: string, idleBefore: string): number {
    return this.#db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)))
      .run().changes;
  }

  /** Forgets failure counts whose window closed and whose lock (if any) ended before `before`. */
  pruneThrottle(before: string): number {
    return this.#db
      .delete(signInThrottle)
      .where(
        and(
          lt(signInThrottle.windowStartedAt, before),
          or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, before)),
        ),
      )
      .run().changes;
  }

  // ---------------------------------------------------------------- one-time links

  insertToken(row: typeof userTokens.$inferInsert): void {
    this.#db.insert(userTokens).values(row).run();
  }

  /** The token if unused and unexpired at `now`. */
  liveToken(tokenHash: string, purpose: UserTokenRow['purpose'], now: string): UserTokenRow | undefined {
    return this.#db
      .select()
      .from(userTokens)
      .where(
        and(
          eq(userTokens.tokenHash, tokenHash),
          eq(userTokens.purpose, purpose),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, now),
        ),
      )
      .get();
  }

  /** Marks the token used; false if it was already (two requests racing for one link). */
  useToken(tokenHash: string, now: string): boolean {
    return (
      this.#db
        .update(userTokens)
        .set({ usedAt: now })
        .where(and(eq(userTokens.tokenHash, tokenHash), isNull(userTokens.usedAt)))
        .run().changes === 1
    );
  }

  /** Ends the user's outstanding links of one purpose (a new link replaces the old ones). */
  expireTokensOf(userId: string, purpose: UserTokenRow['purpose'], now: string): void {
    this.#db
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)))
      .run();
  }

  /** The latest unused invitation's expiry, for the people list. */
  pendingInviteExpiry(userId: string, now: string): string | undefined {
    return this.#db
      .select({ expiresAt: userTokens.expiresAt })
      .from(userTokens)
      .where(
        and(
          eq(userTokens.userId, userId),
          eq(userTokens.purpose, 'invite'),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, now),
        ),
      )
      .orderBy(asc(userTokens.expiresAt))
      .all()
      .at(-1)?.expiresAt;
  }

  // ---------------------------------------------------------------- throttling

  throttle(key: string): typeof signInThrottle.$inferSelect | undefined {
    return this.#db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  }

  saveThrottle(row: typeof signInThrottle.$inferSelect): void {
    this.#db
      .insert(signInThrottle)
      .values(row)
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: { failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil },
      })
      .run();
  }

  clearThrottle(key: string): void {
    this.#db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
  }
}
