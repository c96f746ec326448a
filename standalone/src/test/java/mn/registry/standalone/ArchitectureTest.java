package mn.registry.standalone;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rules of architecture.md and style.md, held as tests over every module's classes. */
class ArchitectureTest {

    private static JavaClasses all;

    @BeforeAll
    static void importRegistry() {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("mn.registry");
    }

    /** Classes whose class file comes from the named module (its target directory or its jar). */
    static DescribedPredicate<JavaClass> fromModule(String module) {
        return DescribedPredicate.describe("in module " + module, c -> c.getSource()
                .map(s -> s.getUri().toString())
                .map(uri -> uri.contains("/" + module + "/") || uri.contains("/" + module + "-"))
                .orElse(false));
    }

    @Test
    @DisplayName("every module's classes are found, so the rules below check something")
    void modules_are_imported() {
        for (String module : new String[]{"shared-kernel", "keystore", "verifier", "event-store", "transparency-log", "infrastructure", "command-side", "query-side"}) {
            assertThat(all.stream().filter(fromModule(module)::test).count()).as(module).isPositive();
        }
    }

    @Test
    @DisplayName("shared-kernel uses no Spring, no MongoDB and no Axon-Spring: a member of the public can verify with it alone")
    void kernel_is_free_of_frameworks() {
        ArchRule rule = noClasses().that(fromModule("shared-kernel"))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "de.bwaldvogel..", "org.axonframework.spring..", "jakarta.servlet..");
        rule.check(all);
    }

    /**
     * ADR 0023: the kernel is the published language (commands, events, values, canonical JSON, signing and verification,
     * the log's formats). A keystore, key files, the demo people and command-line tools are the modules' that run them.
     */
    static ArchRule kernelHoldsThePublishedLanguageOnly(DescribedPredicate<JavaClass> kernel) {
        return noClasses().that(kernel)
                .should().dependOnClassesThat().areAssignableTo(java.security.KeyStore.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "mn.registry.keystore..", "mn.registry.standalone..")
                .orShould().haveSimpleNameEndingWith("Cli")
                .orShould(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("have a main method") {
                    @Override
                    public void check(JavaClass c, com.tngtech.archunit.lang.ConditionEvents events) {
                        c.getMethods().stream().filter(m -> m.getName().equals("main") && m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC))
                                .forEach(m -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.satisfied(c, m.getFullName() + " is a command-line entry point")));
                    }
                })
                .because("ADR 0023: the kernel holds the published language only; keystore, demo people and command-line tools live in keystore and standalone");
    }

    @Test
    @DisplayName("ADR 0023: shared-kernel holds no keystore, no key files, no demo people and no command-line tool")
    void kernel_holds_the_published_language_only() {
        kernelHoldsThePublishedLanguageOnly(fromModule("shared-kernel")).check(all);
        noClasses().that().resideInAPackage("mn.registry.kernel..").should().haveSimpleNameEndingWith("Cli").check(all);
    }

    @Test
    @DisplayName("ADR 0023: the kernel rule catches a keystore, a file writer and a command-line tool")
    void kernel_rule_catches_keystore_files_and_cli() {
        for (Class<?> offender : new Class<?>[]{OpensAKeystore.class, WritesAKeyFile.class, SignCli.class}) {
            JavaClasses classes = new ClassFileImporter().importClasses(offender);
            assertThat(kernelHoldsThePublishedLanguageOnly(DescribedPredicate.describe("the fixture", c -> c.isEquivalentTo(offender)))
                    .evaluate(classes).hasViolation()).as(offender.getSimpleName()).isTrue();
        }
    }

    /** What the kernel rule forbids: a keystore ... */
    static final class OpensAKeystore {
        java.security.KeyStore open() throws java.security.KeyStoreException {
            return java.security.KeyStore.getInstance("PKCS12");
        }
    }

    /** ... a key file written to disk ... */
    static final class WritesAKeyFile {
        void write(java.nio.file.Path file, byte[] key) throws java.io.IOException {
            java.nio.file.Files.write(file, key);
        }
    }

    /** ... and a command-line tool. */
    static final class SignCli {
        public static void main(String[] args) {
        }
    }

    @Test
    @DisplayName("ADR 0023: the keystore module uses no Spring and no MongoDB, and verifier.jar needs no keystore")
    void keystore_is_plain_and_the_verifier_does_without_it() {
        assertThat(all.stream().filter(fromModule("keystore")::test).count()).isPositive();
        noClasses().that(fromModule("keystore")).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "org.axonframework..", "jakarta.servlet..").check(all);
        noClasses().that(fromModule("verifier")).should().dependOnClassesThat(fromModule("keystore")).check(all);
    }

    @Test
    @DisplayName("aggregates decide from the command alone: no clock, no randomness, no I/O")
    void aggregates_are_pure() {
        ArchRule rule = noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
                .orShould().callMethod(java.lang.System.class, "nanoTime")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.security.SecureRandom.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "com.mongodb..",
                        "org.springframework.web..", "org.springframework.data..")
                .allowEmptyShould(false);
        rule.check(all);
    }

    @Test
    @DisplayName("the query side never imports the command side")
    void query_side_does_not_import_command_side() {
        noClasses().that(fromModule("query-side")).should().dependOnClassesThat(fromModule("command-side")).check(all);
    }

    @Test
    @DisplayName("the command side never imports the query side: they share only the kernel")
    void command_side_does_not_import_query_side() {
        noClasses().that(fromModule("command-side")).should().dependOnClassesThat(fromModule("query-side")).check(all);
    }

    @Test
    @DisplayName("the web pages never import the command side: they read the query side and send signed commands over HTTP")
    void web_does_not_import_command_side() {
        ArchRule rule = noClasses().that(fromModule("web")).should().dependOnClassesThat(fromModule("command-side"));
        assertThat(all.stream().filter(fromModule("web")::test).count()).isPositive();
        rule.check(all);
    }

    /** The log's MongoDB collections, whose names only the transparency-log module may hold (ADR 0018). */
    static final java.util.List<String> LOG_COLLECTIONS = java.util.List.of(mn.registry.tlog.LogCollections.ENTRIES,
            mn.registry.tlog.LogCollections.TILES, mn.registry.tlog.LogCollections.STATE, mn.registry.tlog.LogCollections.CHECKPOINTS);

    /**
     * A class that names one of the log's collections: a string constant in its class file (a compiled-in constant leaves
     * no dependency for ArchUnit to see, so the class file's bytes are read) or any use of {@code LogCollections}.
     */
    static com.tngtech.archunit.lang.ArchCondition<JavaClass> nameTheLogsCollections() {
        return new com.tngtech.archunit.lang.ArchCondition<>("name the log's collections " + LOG_COLLECTIONS) {
            @Override
            public void check(JavaClass c, com.tngtech.archunit.lang.ConditionEvents events) {
                c.getDirectDependenciesFromSelf().stream().filter(d -> d.getTargetClass().isEquivalentTo(mn.registry.tlog.LogCollections.class))
                        .findFirst().ifPresent(d -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.satisfied(c, d.getDescription())));
                String bytes = c.getSource().map(s -> {
                    try (java.io.InputStream in = s.getUri().toURL().openStream()) {
                        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).orElse("");
                for (String name : LOG_COLLECTIONS) {
                    if (bytes.contains(name)) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.satisfied(c, c.getName() + " names collection " + name));
                    }
                }
            }
        };
    }

    @Test
    @DisplayName("ADR 0018: only the transparency-log module names the log's collections; everyone else goes through its writer and reader")
    void only_the_log_module_names_its_collections() {
        // MongoIndexes (event-store) is the one list of every index of every collection, the log's included, from which
        // docs/production.md is generated (issue 18): it names log_entries for its unique eventId index and nothing else.
        noClasses().that(DescribedPredicate.not(fromModule("transparency-log")))
                .and(DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(mn.registry.store.mongo.MongoIndexes.class)))
                .should(nameTheLogsCollections()).check(all);
    }

    @Test
    @DisplayName("ADR 0018: the collection rule catches a class that reads log_entries by its name")
    void collection_rule_catches_a_hand_typed_name() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsTheLogByHand.class);
        assertThat(noClasses().should(nameTheLogsCollections()).evaluate(offender).hasViolation()).isTrue();
    }

    /** What the rule forbids: a hand-typed collection name. */
    static final class ReadsTheLogByHand {
        String collection() {
            return "log_entries";
        }
    }

    @Test
    @DisplayName("ADR 0018: the transparency-log module uses no Spring and no Axon")
    void log_module_is_free_of_spring() {
        noClasses().that(fromModule("transparency-log")).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta.servlet..").check(all);
    }

    @Test
    @DisplayName("the event store is a library: no Spring inside it")
    void event_store_has_no_spring() {
        noClasses().that(fromModule("event-store")).should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(all);
    }

    @Test
    @DisplayName("the Axon Mongo extension's event storage engine is never used (it skips events)")
    void no_extension_event_store() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.axonframework.extensions.mongo..").check(all);
    }

    @Test
    @DisplayName("every package says what lives there in a package-info")
    void packages_are_documented() {
        classes().that().resideInAPackage("mn.registry..").should(new com.tngtech.archunit.lang.ArchCondition<>("live in a documented package") {
            @Override
            public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                boolean documented = item.getPackage().tryGetPackageInfo().isPresent();
                if (!documented) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(item, item.getPackageName() + " has no package-info.java"));
                }
            }
        }).check(all);
    }

    /** A rule that no class matching {@code in} reads the signer's claimed signing time (ADR 0013 §1). */
    static ArchRule noUseOfSignedAt(DescribedPredicate<JavaClass> in) {
        return noClasses().that(in)
                .should().callMethod(mn.registry.command.api.CommandContext.class, "signedAt")
                .because("ADR 0013 §1: authority and every legal date are judged at CommandContext.receivedAt(), the registry's time of receipt;"
                        + " signedAt is only the signer's statement");
    }

    static final DescribedPredicate<JavaClass> COMMAND_SIDE_DOMAIN = DescribedPredicate.describe(
            "command-side classes under ..freezone.., ..permit.., ..calendar.., ..identity..",
            c -> fromModule("command-side").test(c) && c.getPackageName().matches("mn\\.registry\\.(freezone|permit|calendar|identity)(\\..*)?"));

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0013 §1): no command-side domain class reads CommandContext.signedAt(); acts carry the registry's time of receipt")
    void domain_never_reads_signed_at() {
        assertThat(all.stream().filter(COMMAND_SIDE_DOMAIN::test).count()).as("command-side domain classes").isGreaterThan(50);
        noUseOfSignedAt(COMMAND_SIDE_DOMAIN).check(all);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0013 §1): the signedAt rule catches a class that dates an act by signedAt")
    void the_signed_at_rule_catches_a_reader() {
        JavaClasses reader = new ClassFileImporter().importClasses(DatesItsActBySignedAt.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noUseOfSignedAt(DescribedPredicate.describe("the fixture",
                        c -> c.isEquivalentTo(DatesItsActBySignedAt.class))).check(reader))
                .isInstanceOf(AssertionError.class).hasMessageContaining("signedAt");
    }

    /** The mistake the rule is for: a legal date taken from the signer's claim. */
    static final class DatesItsActBySignedAt {
        java.time.Instant dateOf(mn.registry.command.api.CommandContext context) {
            return context.signedAt();
        }
    }

    /**
     * ADR 0069 item 8 (abuse audit F484, was O311): Axon's one-argument {@code readEvents(aggregateId)} on an event store answers the latest
     * snapshot and only the events after it, which only the aggregate's own load (Axon's repository) may fold. Code beside the aggregate
     * reads a stream through {@code WholeStream}, from its first event; a storage engine that hands the call to another (the durable
     * engine's delegate) is no reader.
     */
    static ArchRule noOneArgumentStreamRead() {
        DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> oneArgumentRead = DescribedPredicate.describe(
                "Axon's one-argument readEvents(aggregateId) of an event store or storage engine", call -> call.getName().equals("readEvents")
                        && call.getTarget().getRawParameterTypes().size() == 1 && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class)
                        && (call.getTargetOwner().isAssignableTo(org.axonframework.eventsourcing.eventstore.EventStore.class)
                        || call.getTargetOwner().isAssignableTo(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class)));
        return noClasses().that().doNotHaveFullyQualifiedName("mn.registry.infrastructure.axon.DurableEventStorageEngine")
                .should().callMethodWhere(oneArgumentRead)
                .because("ADR 0069 item 8: a stream with a snapshot answers it from the snapshot on; a reader beside the aggregate reads "
                        + "WholeStream.events or WholeStream.payloads, every event from the first");
    }

    @Test
    @DisplayName("ADR 0069 item 8 (F484): no reader of the registry reads a stream with Axon's one-argument readEvents, which answers a snapshot")
    void no_reader_reads_a_stream_from_its_snapshot() {
        noOneArgumentStreamRead().check(all);
    }

    @Test
    @DisplayName("ADR 0069 item 8: the stream rule catches a one-argument read of an event store and of a storage engine, not a read from 0")
    void stream_rule_catches_a_one_argument_read() {
        for (Class<?> offender : new Class<?>[]{ReadsTheStoreFromItsSnapshot.class, ReadsTheEngineByItsId.class}) {
            assertThat(noOneArgumentStreamRead().evaluate(new ClassFileImporter().importClasses(offender)).hasViolation())
                    .as(offender.getSimpleName()).isTrue();
        }
        assertThat(noOneArgumentStreamRead().evaluate(new ClassFileImporter().importClasses(ReadsTheWholeStream.class)).hasViolation())
                .as("a read from the first event").isFalse();
    }

    /** What the stream rule forbids: the event store's one-argument read ... */
    static final class ReadsTheStoreFromItsSnapshot {
        long events(org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store, String stream) {
            return store.readEvents(stream).asStream().count();
        }
    }

    /** ... and a storage engine's. */
    static final class ReadsTheEngineByItsId {
        long events(org.axonframework.eventsourcing.eventstore.EventStorageEngine engine, String stream) {
            return engine.readEvents(stream).asStream().count();
        }
    }

    /** What it allows: a read from the first event. */
    static final class ReadsTheWholeStream {
        long events(org.axonframework.eventsourcing.eventstore.EventStore store, String stream) {
            return store.readEvents(stream, 0).asStream().count();
        }
    }
}
