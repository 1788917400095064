package io.jenkins.plugins.vmfork.steps;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A test double of a Pipeline step's context, playing the part of the Pipeline engine: it hands out the build and
 * its log, records how the step ended, and starts no body but records what the step gave it, so that the test can end
 * the body as it chooses. Serializable like the real one; after deserialization it still reports to the same
 * {@link Pipeline}, as a resumed step reports to the same build. Not compiled under the jenkins-repo profile.
 */
final class StandinStepContext extends StepContext {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Pipeline> PIPELINES = new ConcurrentHashMap<>();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String id;

    StandinStepContext(Pipeline pipeline) {
        this.id = "context-" + IDS.incrementAndGet();
        PIPELINES.put(id, pipeline);
    }

    Pipeline pipeline() {
        return PIPELINES.get(id);
    }

    /** From now on this context (and every copy of it) reports to another pipeline: the build after a restart. */
    void restartInto(Pipeline resumed) {
        PIPELINES.put(id, resumed);
    }

    @Override
    public <T> T get(Class<T> key) {
        Pipeline p = pipeline();
        if (key == Run.class) {
            return key.cast(p.run);
        }
        if (key == TaskListener.class) {
            return key.cast(p.log);
        }
        return null;
    }

    @Override
    public void onSuccess(Object result) {
        pipeline().completions.incrementAndGet();
        pipeline().outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable failure) {
        pipeline().completions.incrementAndGet();
        pipeline().outcome.completeExceptionally(failure);
    }

    @Override
    public ListenableFuture<Void> saveState() {
        pipeline().saves.incrementAndGet();
        return Futures.immediateVoidFuture();
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        if (!pipeline().hasBody) {
            throw new IllegalStateException("called without a body");
        }
        return new Invoker(pipeline());
    }

    @Override
    public boolean hasBody() {
        return pipeline().hasBody;
    }

    /** What the engine knows of one step call: its build, log, body and outcome. */
    static final class Pipeline {
        final StandinRun run;
        final CapturedLog log = new CapturedLog();
        final boolean hasBody;
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        final AtomicInteger completions = new AtomicInteger();
        final AtomicInteger saves = new AtomicInteger();
        final CompletableFuture<BodyExecutionCallback> bodyStarted = new CompletableFuture<>();
        final List<Object> bodyContexts = new ArrayList<>();
        volatile Throwable bodyCancelledWith;

        Pipeline(StandinRun run, boolean hasBody) {
            this.run = run;
            this.hasBody = hasBody;
        }

        /** The callback of the started body, once the step has started it. */
        BodyExecutionCallback awaitBody() throws Exception {
            return bodyStarted.get(2, TimeUnit.MINUTES);
        }

        /** What the step returned; throws what it failed with. */
        Object awaitOutcome() throws Exception {
            try {
                return outcome.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception failure) {
                    throw failure;
                }
                throw e;
            }
        }

        /** What the step failed with. */
        Throwable awaitFailure() throws InterruptedException, TimeoutException {
            try {
                Object result = outcome.get(2, TimeUnit.MINUTES);
                throw new AssertionError("The step succeeded with " + result);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }

        /** The variables the body sees. */
        EnvVars bodyEnvironment() throws IOException, InterruptedException {
            EnvVars env = new EnvVars();
            for (Object context : bodyContexts) {
                if (context instanceof EnvironmentExpander expander) {
                    expander.expand(env);
                }
            }
            return env;
        }
    }

    private static final class Invoker extends BodyInvoker {
        private final Pipeline pipeline;
        private BodyExecutionCallback callback;

        Invoker(Pipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public BodyInvoker withContext(Object override) {
            pipeline.bodyContexts.add(override);
            return this;
        }

        @Override
        public BodyInvoker withCallback(BodyExecutionCallback newCallback) {
            this.callback = newCallback;
            return this;
        }

        @Override
        public BodyExecution start() {
            pipeline.bodyStarted.complete(callback);
            return new Body(pipeline);
        }
    }

    /** The running body: a stop of the step reaches it as a cancel, which the test then lets end the body. */
    private static final class Body extends BodyExecution {
        private static final long serialVersionUID = 1L;
        private final transient Pipeline pipeline;

        Body(Pipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public boolean cancel(Throwable cause) {
            pipeline.bodyCancelledWith = cause;
            return true;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return cancel(new InterruptedException());
        }

        @Override
        public boolean isCancelled() {
            return pipeline.bodyCancelledWith != null;
        }

        @Override
        public boolean isDone() {
            return pipeline.outcome.isDone();
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("the test ends the body through its callback");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("the test ends the body through its callback");
        }
    }
}
