/** Anneal's core: schedules as values, their algebra and the spec language. Depends on nothing but the JDK. */
module dev.anneal.core {
    exports dev.anneal.schedule;
    exports dev.anneal.spec;
}
