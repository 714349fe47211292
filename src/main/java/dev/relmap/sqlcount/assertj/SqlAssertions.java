package dev.relmap.sqlcount.assertj;

import dev.relmap.sqlcount.SqlReport;
import jakarta.persistence.metamodel.Attribute;

/**
 * Entry point of the kit's AssertJ assertions:
 *
 * <pre>{@code
 * assertThat(report).hasSelectCount(1).hasNoNPlusOne();
 * assertThatAssociation(author, Author_.books).isNotLoaded();
 * }</pre>
 */
public final class SqlAssertions {

    private SqlAssertions() {
    }

    public static SqlReportAssert assertThat(SqlReport report) {
        return new SqlReportAssert(report);
    }

    /** Whether {@code entity.attribute} is loaded, asked through {@code PersistenceUtil.isLoaded}. */
    public static LoadedAssert assertThatAssociation(Object entity, String attribute) {
        return new LoadedAssert(entity, attribute);
    }

    /** The same, with the attribute taken from the static metamodel ({@code Author_.books}). */
    public static LoadedAssert assertThatAssociation(Object entity, Attribute<?, ?> attribute) {
        return new LoadedAssert(entity, attribute.getName());
    }
}
