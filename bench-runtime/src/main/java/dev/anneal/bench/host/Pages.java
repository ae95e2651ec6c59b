package dev.anneal.bench.host;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/** Whether the JVM's heap asked for transparent huge pages: memory-bound figures move by a fifth with it. */
public final class Pages {
    private Pages() {}

    /** {@code huge pages} or {@code 4 KB pages}, as the figures' header says it. */
    public static String heap() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Boolean.parseBoolean(vm.getVMOption("UseTransparentHugePages").getValue()) ? "huge pages" : "4 KB pages";
        } catch (RuntimeException e) { // not HotSpot
            return "pages unknown";
        }
    }
}
