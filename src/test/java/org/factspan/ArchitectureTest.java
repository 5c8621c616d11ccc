package org.factspan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

/**
 * Rules inside a module that Spring Modulith does not check. Which module may use which (and that they form no cycle)
 * is declared in each module's {@code package-info.java} and verified by {@link ModularityTest} (decision 024).
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.factspan");

    @Test
    void everyRouteDeclaresItsAccessRule() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .because("a route without an access annotation is either open by mistake or unreachable")
                .check(CLASSES);
    }

    @Test
    void theDiffEngineAndTheMeasuresArePlainJava() {
        noClasses().that().resideInAnyPackage("org.factspan.diff..", "org.factspan.agreement").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void servicesAndApisNeverKnowTheViews() {
        // inside a module: the ui package sits on top of the module's services, never the other way round (the
        // security configuration names the login view for Vaadin's security configurer: the one exception)
        noClasses().that().resideOutsideOfPackage("..ui..").and().resideInAPackage("org.factspan..")
                .and().doNotHaveFullyQualifiedName("org.factspan.security.SecurityConfig")
                .should().dependOnClassesThat().resideInAPackage("org.factspan..ui..")
                .because("a service or REST controller that reached into a view would tie the API to Vaadin's UI state")
                .check(CLASSES);
    }

    @Test
    void exportFormatsAreIndependentOfTheUiAndTheDatabase() {
        noClasses().that().resideInAPackage("org.factspan.export.format..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "jakarta.persistence..",
                        "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theOneWayInReadersArePlainJava() {
        noClasses().that().haveFullyQualifiedName("org.factspan.ingest.SafeZip")
                .or().haveFullyQualifiedName("org.factspan.ingest.Utf8")
                .or().haveFullyQualifiedName("org.factspan.ingest.ValidText")
                .or().haveFullyQualifiedName("org.factspan.ingest.Fields")
                .or().haveFullyQualifiedName("org.factspan.ingest.Bounded")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.vaadin..")
                .because("the export formats, which know no Spring, read uploads with them")
                .check(CLASSES);
    }

    @Test
    void curationMergePlanningAndReviewArePlainJava() {
        noClasses().that().haveFullyQualifiedName("org.factspan.curation.AutoMerge")
                .or().haveFullyQualifiedName("org.factspan.curation.Review")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void claimRulesArePlainJava() {
        noClasses().that().haveFullyQualifiedName("org.factspan.claims.QuantityExtractor")
                .or().haveFullyQualifiedName("org.factspan.claims.ConflictRules")
                .or().haveFullyQualifiedName("org.factspan.claims.ClaimSuggester")
                .or().haveFullyQualifiedName("org.factspan.claims.Interval")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "com.vaadin..")
                .check(CLASSES);
    }
}
