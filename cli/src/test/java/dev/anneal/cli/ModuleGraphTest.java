package dev.anneal.cli;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph, read from each module's compiled module-info: it points one way (core at the bottom, dialects
 * and optim on core, lab and djl on optim), core requires only the JDK and exports only its API packages.
 */
class ModuleGraphTest {

    /** Our modules, each found through one of its classes. */
    private static final Map<String, ModuleDescriptor> MODULES = new LinkedHashMap<>();

    static {
        for (Class<?> c : List.of(dev.anneal.schedule.Schedule.class, dev.anneal.dialect.timm.TimmDialect.class,
                dev.anneal.optim.Hyperparameters.class, dev.anneal.lab.Arm.class, dev.anneal.djl.Checkpoint.class)) {
            ModuleDescriptor d = descriptor(c);
            MODULES.put(d.name(), d);
        }
    }

    private static ModuleDescriptor descriptor(Class<?> c) {
        try {
            Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ModuleFinder.of(where).findAll().iterator().next().descriptor();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> ours(ModuleDescriptor d) {
        return d.requires().stream().map(ModuleDescriptor.Requires::name).filter(n -> n.startsWith("dev.anneal."))
                .collect(Collectors.toSet());
    }

    @Test
    void graph_hasNoCycle() {
        for (String start : MODULES.keySet()) assertThat(reachable(start)).as("modules reachable from " + start).doesNotContain(start);
    }

    private static Set<String> reachable(String from) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new java.util.ArrayList<>(ours(MODULES.get(from)));
        while (!todo.isEmpty()) {
            String m = todo.removeLast();
            if (seen.add(m) && MODULES.containsKey(m)) todo.addAll(ours(MODULES.get(m)));
        }
        return seen;
    }

    @Test
    void edges_pointOneWay() {
        assertThat(ours(MODULES.get("dev.anneal.core"))).isEmpty();
        assertThat(ours(MODULES.get("dev.anneal.dialects"))).containsExactly("dev.anneal.core");
        assertThat(ours(MODULES.get("dev.anneal.optim"))).containsExactly("dev.anneal.core");
        assertThat(ours(MODULES.get("dev.anneal.lab"))).doesNotContain("dev.anneal.dialects", "dev.anneal.djl");
        assertThat(MODULES.values()).as("no product module requires the dialects; they are found as services")
                .allSatisfy(d -> assertThat(ours(d)).doesNotContain("dev.anneal.dialects"));
    }

    @Test
    void core_requiresOnlyTheJdk_andUsesDialectsAsServices() {
        ModuleDescriptor core = MODULES.get("dev.anneal.core");
        assertThat(core.requires()).allSatisfy(r -> assertThat(r.name()).startsWith("java."));
        assertThat(core.uses()).containsExactly("dev.anneal.spec.Dialect");
        assertThat(MODULES.get("dev.anneal.dialects").provides()).singleElement()
                .satisfies(p -> assertThat(p.providers()).hasSize(5));
    }

    @Test
    void core_exportsOnlyItsApi() {
        Map<String, Set<String>> exports = MODULES.get("dev.anneal.core").exports().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertThat(exports).containsOnlyKeys("dev.anneal.schedule", "dev.anneal.spec", "dev.anneal.convert",
                "dev.anneal.analysis", "dev.anneal.control", "dev.anneal.optimizer", "dev.anneal.numeric");
        assertThat(exports.get("dev.anneal.numeric")).as("numeric helpers are lent to the lab only").containsExactly("dev.anneal.lab");
        assertThat(exports.get("dev.anneal.schedule")).as("unqualified").isEmpty();
    }
}
