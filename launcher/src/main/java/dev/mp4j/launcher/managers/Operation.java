package dev.mp4j.launcher.managers;

/**
 * An operation of one built-in managed type, named once for both sides: the proxy sends it, the managed
 * object switches over the same constants, so a misspelt or unhandled operation does not compile. On the
 * wire it travels as {@link #wireName()}, the method name a {@code Manager.create} proxy would use.
 */
sealed interface Operation permits ManagedDict.Op, ManagedList.Op, ManagedValue.Op, ManagedArray.Op,
        ManagedNamespace.Op, ManagedLock.Op, ManagedSemaphore.Op, ManagedEvent.Op, ManagedCondition.Op,
        ManagedBarrier.Op, ManagedQueue.Op {

    String wireName();
}
