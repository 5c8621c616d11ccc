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
        noClasses().that().resideInAnyPackage("org.factspan.diff..", "org.factspan.agreement")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "com.vaadin..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.factspan.diff..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factspan.agreement..", "org.factspan.annotation..",
                        "org.factspan.corpus..", "org.factspan.security..", "org.factspan.export..")
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
    void featuresDependOnlyDownwards() {
        // base <- security <- corpus <- annotation
        noClasses().that().resideInAPackage("org.factspan.base..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factspan.security..", "org.factspan.corpus..",
                        "org.factspan.annotation..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.factspan.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factspan.corpus..", "org.factspan.annotation..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.factspan.corpus..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factspan.annotation..")
                .check(CLASSES);
        // search reads corpus and annotation; they know it only through events and SpanSuggestions (and links by URL)
        noClasses().that().resideInAnyPackage("org.factspan.base..", "org.factspan.security..", "org.factspan.corpus..",
                "org.factspan.annotation..", "org.factspan.diff..", "org.factspan.agreement..", "org.factspan.export..")
                .should().dependOnClassesThat().resideInAPackage("org.factspan.search..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.factspan.search..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factspan.export..", "org.factspan.agreement..")
                .check(CLASSES);
        // export reads the features; none of them knows export (the document list links to it by URL)
        noClasses().that().resideInAnyPackage("org.factspan.base..", "org.factspan.security..", "org.factspan.corpus..",
                "org.factspan.annotation..", "org.factspan.diff..", "org.factspan.agreement..")
                .should().dependOnClassesThat().resideInAPackage("org.factspan.export..")
                .check(CLASSES);
    }

    @Test
    void theOneWayInDependsOnBaseOnlyAndItsReadersArePlainJava() {
        // every feature reads uploads and checks text through ingest (decision 018), so it may know none of them
        noClasses().that().resideInAPackage("org.factspan.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factspan.security..", "org.factspan.corpus..",
                        "org.factspan.annotation..", "org.factspan.diff..", "org.factspan.agreement..",
                        "org.factspan.curation..", "org.factspan.search..", "org.factspan.claims..",
                        "org.factspan.export..", "org.factspan.backup..")
                .check(CLASSES);
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
    void curationSitsOnAnnotationAndTheDiffAndNothingBelowKnowsIt() {
        // curation -> annotation, diff (and corpus, security, base); only export may read curation
        noClasses().that().resideInAnyPackage("org.factspan.base..", "org.factspan.security..", "org.factspan.corpus..",
                "org.factspan.annotation..", "org.factspan.diff..", "org.factspan.agreement..")
                .should().dependOnClassesThat().resideInAPackage("org.factspan.curation..")
                .because("the document list links to curation by URL only")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.factspan.curation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factspan.agreement..", "org.factspan.export..")
                .check(CLASSES);
        // The merge planning and the review are plain Java over the diff.
        noClasses().that().haveFullyQualifiedName("org.factspan.curation.AutoMerge")
                .or().haveFullyQualifiedName("org.factspan.curation.Review")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void claimsSitOnTopAndTheirRulesArePlainJava() {
        // claims -> curation, search, annotation, corpus; only export may read claims
        noClasses().that().resideInAnyPackage("org.factspan.base..", "org.factspan.security..", "org.factspan.corpus..",
                "org.factspan.annotation..", "org.factspan.diff..", "org.factspan.agreement..", "org.factspan.curation..",
                "org.factspan.search..")
                .should().dependOnClassesThat().resideInAPackage("org.factspan.claims..")
                .because("the document list links to the claim board by URL only")
                .check(CLASSES);
        noClasses().that().haveFullyQualifiedName("org.factspan.claims.QuantityExtractor")
                .or().haveFullyQualifiedName("org.factspan.claims.ConflictRules")
                .or().haveFullyQualifiedName("org.factspan.claims.ClaimSuggester")
                .or().haveFullyQualifiedName("org.factspan.claims.Interval")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "com.vaadin..")
                .check(CLASSES);
    }
}
