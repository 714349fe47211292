package dev.relmap.sqlcount.assertj;

import jakarta.persistence.Persistence;
import org.assertj.core.api.AbstractAssert;

/**
 * Whether an association is loaded, asked through {@code PersistenceUtil.isLoaded}: it issues no
 * SQL and works on detached entities, where touching a lazy association would throw or, worse,
 * count nothing at all.
 */
public final class LoadedAssert extends AbstractAssert<LoadedAssert, Object> {

    private final String attribute;

    LoadedAssert(Object entity, String attribute) {
        super(entity, LoadedAssert.class);
        this.attribute = attribute;
    }

    public LoadedAssert isLoaded() {
        isNotNull();
        if (!Persistence.getPersistenceUtil().isLoaded(actual, attribute)) {
            failWithMessage("Expected %s.%s to be loaded but it is not", describe(), attribute);
        }
        return this;
    }

    public LoadedAssert isNotLoaded() {
        isNotNull();
        if (Persistence.getPersistenceUtil().isLoaded(actual, attribute)) {
            failWithMessage("Expected %s.%s not to be loaded but it is", describe(), attribute);
        }
        return this;
    }

    private String describe() {
        return actual.getClass().getSimpleName();
    }
}
