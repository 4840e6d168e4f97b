package app.backcoach.telegram;

import java.io.IOException;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * What became of one HTTP call on the wire: whether the request was written out in full, and the status
 * and content type of the answer. That decides whether a failed call can have reached Telegram.
 *
 * <p>A call carries its trace as a tag of its request ({@code tag(CallTrace.class, trace)}); the one sending
 * client finds it there through {@link #LISTENERS} and {@link #ON_THE_WIRE}, so no client is built per call.
 * Calls without one (the lifecycle's) are not traced.
 */
final class CallTrace extends EventListener implements Interceptor {

    /** Hands each call the trace its request carries. */
    static final EventListener.Factory LISTENERS = call -> {
        CallTrace trace = call.request().tag(CallTrace.class);
        return trace != null ? trace : EventListener.NONE;
    };

    /** Records the answer into the trace the request carries (a network interceptor: it sees what came back). */
    static final Interceptor ON_THE_WIRE = chain -> {
        CallTrace trace = chain.request().tag(CallTrace.class);
        return trace != null ? trace.intercept(chain) : chain.proceed(chain.request());
    };

    private volatile boolean requestWritten;
    private volatile int status;
    private volatile String contentType;

    /** A request not written out in full cannot have been carried out. */
    boolean requestWritten() {
        return requestWritten;
    }

    /**
     * A proxy's own error page (502/503/504 as HTML) rather than the Bot API's answer: the Bot API answers
     * every request it takes, errors included, in JSON, so such a page means the request never got to it.
     */
    boolean gatewayPage() {
        return (status == 502 || status == 503 || status == 504)
                && (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json"));
    }

    int status() {
        return status;
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        requestWritten = true;
    }

    @Override
    public void responseHeadersStart(Call call) {
        requestWritten = true; // an answer began: the request was read
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        status = response.code();
        contentType = response.header("Content-Type");
        return response;
    }
}
