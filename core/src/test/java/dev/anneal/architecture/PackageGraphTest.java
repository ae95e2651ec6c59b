package dev.anneal.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * core's packages point one way: {@code schedule} at the bottom, the spec language on it, conversion on the language,
 * analysis and control beside it; no cycle, and no dialect named anywhere (dialects plug in as services).
 */
class PackageGraphTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.anneal");

    @Test
    void packages_haveNoCycle() {
        slices().matching("dev.anneal.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void layers_pointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("schedule").definedBy("dev.anneal.schedule..")
                .layer("spec").definedBy("dev.anneal.spec..")
                .layer("convert").definedBy("dev.anneal.convert..")
                .layer("analysis").definedBy("dev.anneal.analysis..")
                .layer("control").definedBy("dev.anneal.control..")
                .layer("numeric").definedBy("dev.anneal.numeric..")
                .whereLayer("convert").mayNotBeAccessedByAnyLayer()
                .whereLayer("spec").mayOnlyBeAccessedByLayers("convert")
                .whereLayer("analysis").mayNotBeAccessedByAnyLayer()
                .whereLayer("control").mayNotBeAccessedByAnyLayer()
                .whereLayer("numeric").mayNotBeAccessedByAnyLayer()
                .check(CORE);
    }

    @Test
    void core_namesNoDialect_andDependsOnTheJdkOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.anneal.dialect..", "dev.anneal.optim..",
                "dev.anneal.lab..", "dev.anneal.djl..", "dev.anneal.cli..").check(CORE);
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("dev.anneal..", "java..", "javax.annotation..")
                .check(CORE);
    }
}
