package dev.relmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A test without @DisplayName")
class SentenceDisplayNamesTest {

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource({
        "lazyLoadingIssuesOnePlusN, lazy loading issues one plus N",
        "LoadingStrategies, loading strategies",
        "joinFetchLoadsAuthorsWithBooksInOneSELECT, join fetch loads authors with books in one SELECT",
        "removesABookFromASet, removes a book from a set",
        "entity_graph_loads_books, entity graph loads books",
        "unknownOption, unknown option"
    })
    void isNamedAsASentence(String name, String sentence) {
        assertThat(SentenceDisplayNames.sentence(name)).isEqualTo(sentence);
    }
}
