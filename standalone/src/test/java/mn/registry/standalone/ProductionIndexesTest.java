package mn.registry.standalone;

import com.mongodb.client.MongoCollection;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import mn.registry.store.mongo.MongoIndexes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/production.md's index table is generated from the code's one list of indexes ({@link MongoIndexes}), and that
 * list is the only place that creates an index. To refresh the doc after changing the list, run this test with
 * {@code -Dregistry.indexes.write=true} (it then rewrites the table between the markers and still fails once).
 */
class ProductionIndexesTest {

    static final String BEGIN = "<!-- index table: generated from MongoIndexes (ProductionIndexesTest checks it) -->";
    static final String END = "<!-- end of the generated index table -->";

    private static Path productionDoc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/production.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/production.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("docs/production.md");
    }

    @Test
    @DisplayName("docs/production.md lists exactly the indexes the code creates, as MongoIndexes generates the table")
    void the_documented_index_table_is_the_generated_one() throws Exception {
        Path doc = productionDoc();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("the marker line in docs/production.md: " + BEGIN).isNotNegative();
        assertThat(end).as("the marker line in docs/production.md: " + END).isGreaterThan(begin);
        String documented = text.substring(begin + BEGIN.length(), end).strip();
        String generated = MongoIndexes.markdownTable().strip();
        if (!documented.equals(generated) && Boolean.getBoolean("registry.indexes.write")) {
            Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + "\n" + generated + "\n" + text.substring(end), StandardCharsets.UTF_8);
        }
        assertThat(documented).as("docs/production.md's index table differs from MongoIndexes; the generated table is:%n%s%n"
                + "(or run this test with -Dregistry.indexes.write=true to write it)", generated).isEqualTo(generated);
    }

    @Test
    @DisplayName("no class but MongoIndexes creates an index, so the list (and the doc) cannot miss one")
    void only_the_index_list_creates_indexes() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("mn.registry");
        DescribedPredicate<JavaMethodCall> createsIndex = DescribedPredicate.describe("MongoCollection.createIndex(es)",
                call -> call.getTargetOwner().isAssignableTo(MongoCollection.class) && call.getName().startsWith("createIndex"));
        noClasses().that().doNotHaveFullyQualifiedName(MongoIndexes.class.getName()).should().callMethodWhere(createsIndex).check(all);
        assertThat(all.get(MongoIndexes.class).getMethodCallsFromSelf()).as("MongoIndexes itself creates them")
                .anyMatch(createsIndex::test);
    }
}
