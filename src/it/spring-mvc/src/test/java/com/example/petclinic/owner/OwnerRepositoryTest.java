package com.example.petclinic.owner;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.petclinic.ClinicData;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/**
 * The repositories' derived and paged queries, each counted, under the suite's guard: what looks
 * alike but is no N+1 (two calls on two lines, two searches, a loop over pages) passes it. The
 * configuration is {@link OwnerControllerTest}'s, so both run in one cached context.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OwnerRepositoryTest {

    @Autowired
    private OwnerRepository owners;

    @Autowired
    private PetRepository pets;

    @Test
    void twoFindByIdCallsOnTwoLinesAreTwoSelectsAndNoNPlusOne() {
        Long first = owners.findByName("Owner 01").orElseThrow().getId();
        Long second = owners.findByName("Owner 02").orElseThrow().getId();

        SqlReport report = SqlCount.record(() -> {
            owners.findById(first).orElseThrow();
            owners.findById(second).orElseThrow();
        });

        assertThat(report).hasSelectCount(2).hasNoNPlusOne().hasNoDuplicateReads();
    }

    @Test
    void twoSearchesWithTwoValuesAreTwoSelects() {
        SqlReport report = SqlCount.record(() -> {
            assertThat(owners.findByCityOrderByName("Madison")).hasSize(ClinicData.ownersIn("Madison"));
            assertThat(owners.findByCityOrderByName("Monona")).hasSize(ClinicData.ownersIn("Monona"));
        });

        assertThat(report).hasSelectCount(2).hasNoNPlusOne().hasNoDuplicateReads();
    }

    @Test
    void aPageIsTheRowsLimitedInSqlAndTheCount() {
        SqlCount.Recorded<Page<Owner>> page = SqlCount.recordResult(
                () -> owners.findByCity("Monona", PageRequest.of(1, 2, Sort.by("name"))));

        assertThat(page.report()).hasSelectCount(1 + 1);
        assertThat(page.report().statements().get(0).sql()).containsIgnoringCase("offset");
        assertThat(page.value().getContent()).extracting(Owner::getName).containsExactly("Owner 07", "Owner 10");
        assertThat(page.value().getTotalElements()).isEqualTo(4);
    }

    @Test
    void readingSliceAfterSliceIsAPagingLoopNotAnNPlusOne() {
        List<String> names = new ArrayList<>();

        SqlReport report = SqlCount.record(() -> {
            Pageable next = PageRequest.of(0, 1, Sort.by("name"));
            Slice<Owner> slice;
            do {
                slice = owners.findSliceByCity("Sun Prairie", next);
                slice.forEach(owner -> names.add(owner.getName()));
                next = slice.nextPageable();
            } while (slice.hasNext());
        });

        assertThat(names).containsExactly("Owner 02", "Owner 05", "Owner 08", "Owner 11");
        assertThat(report).hasSelectCount(4).hasNoNPlusOne().hasNoDuplicateReads();
        assertThat(report.pagingLoops()).hasSize(1);
    }

    @Test
    void aDerivedCountIsOneSelect() {
        Long ownerId = owners.findByName("Owner 11").orElseThrow().getId();

        SqlCount.Recorded<Long> count = SqlCount.recordResult(() -> pets.countByOwnerId(ownerId));

        assertThat(count.report()).hasSelectCount(1);
        assertThat(count.value()).isEqualTo(3);
    }
}
