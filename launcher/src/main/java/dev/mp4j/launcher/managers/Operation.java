package dev.mp4j.launcher.managers;

/**
 * An operation of one built-in managed type, named once for both sides: the proxy sends it, the managed
 * object switches over the same constants, so a misspelt or unhandled operation does not compile. On the
 * wire it travels as {@link #wireName()}, the method name a {@code Manager.create} proxy would use: the
 * constant's name in lower camel case ({@code PUT_IF_ABSENT} is {@code putIfAbsent}).
 */
sealed interface Operation permits ManagedDict.Op, ManagedList.Op, ManagedValue.Op, ManagedArray.Op,
        ManagedNamespace.Op, ManagedLock.Op, ManagedSemaphore.Op, ManagedEvent.Op, ManagedCondition.Op,
        ManagedBarrier.Op, ManagedQueue.Op {

    String name();

    int ordinal();

    default String wireName() {
        return WIRE_NAMES.get(getClass())[ordinal()];
    }

    /** Each operation type's wire names, by ordinal, worked out once. */
    ClassValue<String[]> WIRE_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = lowerCamel(((Enum<?>) constants[i]).name());
            }
            return names;
        }
    };

    private static String lowerCamel(String constant) {
        StringBuilder name = new StringBuilder(constant.length());
        boolean upperNext = false;
        for (char c : constant.toCharArray()) {
            if (c == '_') {
                upperNext = true;
            } else {
                name.append(upperNext ? c : Character.toLowerCase(c));
                upperNext = false;
            }
        }
        return name.toString();
    }
}
