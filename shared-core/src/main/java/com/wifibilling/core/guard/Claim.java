package com.wifibilling.core.guard;

/**
 * The answer to {@link GuardStore#claim}: this caller holds the guard now ({@link Claimed}), held it already
 * ({@link SameOwner}, so a repeated step carries on), or someone else holds it ({@link TakenBy}, naming them).
 */
public sealed interface Claim {
    Claim CLAIMED = new Claimed();
    Claim SAME_OWNER = new SameOwner();

    /** The guard was absent, released or expired, and now names this caller. */
    record Claimed() implements Claim {}

    /** The guard already named this caller: a repeat, which is safe to continue. */
    record SameOwner() implements Claim {}

    /** Another owner holds the guard; nothing was written. */
    record TakenBy(String owner) implements Claim {}

    static Claim takenBy(String owner) {
        return new TakenBy(owner);
    }

    /** Returns true when this caller holds the guard, newly or from before. */
    default boolean held() {
        return !(this instanceof TakenBy);
    }
}
