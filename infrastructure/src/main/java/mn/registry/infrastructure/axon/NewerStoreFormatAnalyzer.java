package mn.registry.infrastructure.axon;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a start refused on a newer store (ADR 0068) as its reason and the operator's two ways on, without a stack trace. */
class NewerStoreFormatAnalyzer extends AbstractFailureAnalyzer<NewerStoreFormat> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NewerStoreFormat cause) {
        return new FailureAnalysis(cause.getMessage(), "Start the release that wrote store format " + cause.stored() + " (or a later one). Only if "
                + "you must run this one, read " + NewerStoreFormat.SECTION + " for what it loses, then start it with --" + NewerStoreFormat.ACCEPT
                + "=" + cause.stored() + ".", cause);
    }
}
