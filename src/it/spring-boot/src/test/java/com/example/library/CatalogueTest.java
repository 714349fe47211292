package com.example.library;

// tag::imports[]
import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.relmap.onetomany.SampleData;
import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.spring.SqlCountBeanPostProcessor;
import jakarta.persistence.EntityManagerFactory;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
// end::imports[]

/** The whole application, its Hikari pool wrapped by the kit, counted one service call at a time. */
// tag::spring-boot-test[]
@SpringBootTest
@Import(SqlCountBeanPostProcessor.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueTest {

    private static final int AUTHORS = 10;

    @Autowired
    private Catalogue catalogue;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @BeforeAll
    void seed(@Autowired AuthorRepository authors) {
        authors.saveAll(IntStream.rangeClosed(1, AUTHORS).mapToObj(i -> SampleData.author(i, 3)).toList());
    }

    @Test
    void readsTheTitlesInOneSelect() {
        try (Recording recording = SqlCount.start(entityManagerFactory)) { // this factory's statements only
            catalogue.titlesByAuthor();
            assertThat(recording.stop()).hasSelectCount(1).hasNoNPlusOne();
        }
    }

    @Test
    void readsThemLazilyInOnePlusNSelects() {
        SqlReport report = SqlCount.record(catalogue::titlesByAuthorLazily);

        assertThat(report).hasSelectCount(1 + AUTHORS).hasNPlusOne();
    }
    // end::spring-boot-test[]

    @Test
    void theApplicationsPoolIsWrappedByTheKit(@Autowired DataSource dataSource) throws Exception {
        // The kit's own wrapper: wrapping it again gives it back, as SqlCount.wrap does for nothing else.
        assertThat(SqlCount.wrap(dataSource)).isSameAs(dataSource);
        assertThat(dataSource.unwrap(HikariDataSource.class).isRunning()).isTrue();
    }
}
