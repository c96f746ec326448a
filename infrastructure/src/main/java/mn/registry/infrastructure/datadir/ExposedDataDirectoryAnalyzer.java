package mn.registry.infrastructure.datadir;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start on an exposed data directory as a short reason and the command that fixes it, without a stack trace. */
class ExposedDataDirectoryAnalyzer extends AbstractFailureAnalyzer<DataDirectory.Exposed> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectory.Exposed cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Run 'chmod -R go-rwx " + cause.directory() + "' as the registry's service account, then start again "
                        + "(or pass --" + DataDirectory.ALLOW_SHARED + "=true to start on a shared directory, with a warning).", cause);
    }
}
