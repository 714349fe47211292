package dev.relmap.sqlcount.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(SqlCountExtension.class)}: resolves a {@link SqlRecorder} parameter, one per
 * test, and stops any recording the test left open when it ends.
 */
public final class SqlCountExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SqlCountExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SqlRecorder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(SqlRecorder.class, key -> new SqlRecorder(), SqlRecorder.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SqlRecorder recorder = context.getStore(NAMESPACE).remove(SqlRecorder.class, SqlRecorder.class);
        if (recorder != null) {
            recorder.stopAll();
        }
    }
}
