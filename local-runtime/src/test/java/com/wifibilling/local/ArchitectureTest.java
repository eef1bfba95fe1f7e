package com.wifibilling.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.Set;

/**
 * Keeps the arrows of STYLE.md "Where things live" pointing inward. It lives here because local-runtime's
 * class path holds every module. Test code (and shared-core's test jar of fixtures) is not analysed.
 */
@AnalyzeClasses(packages = "com.wifibilling",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    static final String[] DOMAIN = {"..core.payment..", "..core.session..", "..core.voucher..", "..core.user..",
            "..core.gateway..", "..core.pkg..", "..core.auth..", "..core.guard..", "..core.stats..", "..core.event..",
            "..core.settings.."};
    static final Set<String> FUNCTION_MODULES = Set.of("payment", "auth", "coa", "admin");

    /** Domain rules are plain Java: no AWS SDK, no Lambda event types, no OkHttp, no tinyradius. */
    @ArchTest
    static final ArchRule domainSpeaksNoInfrastructure = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "okhttp3..", "org.tinyradius..");

    /** Only store talks to the AWS SDK (config and http may know Lambda's event types and endpoints, not the SDK). */
    @ArchTest
    static final ArchRule onlyStoreTalksToAws = noClasses().that().resideInAPackage("com.wifibilling.core..")
            .and().resideOutsideOfPackage("..core.store..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule nothingNeedsLocalRuntime = noClasses().that().resideOutsideOfPackage("com.wifibilling.local..")
            .should().dependOnClassesThat().resideInAPackage("com.wifibilling.local..");

    @ArchTest
    static final ArchRule corePackagesHaveNoCycles = slices().matching("com.wifibilling.core.(*)..").should().beFreeOfCycles();

    /** Function modules share through shared-core only. */
    @ArchTest
    static final ArchRule functionModulesDoNotDependOnEachOther = slices().matching("com.wifibilling.(*)..")
            .that(DescribedPredicate.describe("are function modules", (Slice slice) -> FUNCTION_MODULES.contains(slice.getNamePart(1))))
            .should().notDependOnEachOther();

    /** shared-core's test fixtures arrive as a -tests.jar, which DoNotIncludeTests does not recognise. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
