package dev.anneal.spec;

import dev.anneal.schedule.Schedule;

import java.util.Optional;

/**
 * What a bare name in a schedule position stands for: in a schedule set, {@code lr} is the group's own lr and
 * {@code head.lr} group head's. A spec outside a set has no names ({@link #NONE}). The binder places
 * {@link #unknown}'s reason under the name; anything {@link #lookup} throws (an error in the definition it
 * resolves, a cycle) passes through the binder unchanged.
 */
public interface Scope {

    /** No names: a bare name is an error. */
    Scope NONE = new Scope() {
        @Override
        public Optional<Schedule> lookup(String name) {
            return Optional.empty();
        }

        @Override
        public String unknown(String name) {
            return null;
        }
    };

    /** The schedule {@code name} stands for, if any. */
    Optional<Schedule> lookup(String name);

    /** Why {@code name} stands for nothing; null for the binder's own message. */
    String unknown(String name);
}
