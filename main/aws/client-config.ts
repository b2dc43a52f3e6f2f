/**
 * The one configuration every AWS SDK client of the app is built with (ECS
 * for the live fetch, Price List for costs, any other to come): how long a
 * connection and a request may take, and the only retry layer there is.
 *
 *   new ECSClient({ region, credentials, ...awsClientConfig() })
 *   new PricingClient({ region: 'us-east-1', credentials, ...awsClientConfig() })
 *
 * Retries are the SDK's (adaptive mode: a client-side rate limiter that slows
 * down on ThrottlingException, since the account's token bucket is shared by
 * every call); nothing retries on top of it, so a call is tried at most
 * `throttleAttempts` times. Every wait between attempts ends at once when the
 * call's `abortSignal` aborts (the SDK races its backoff with the signal).
 */
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';

/** Timeouts and attempts of an AWS client; every field has the app's default. */
export interface AwsClientTuning {
  /** Time to open the TCP (and TLS) connection; default 5 s. */
  connectionTimeoutMs?: number;
  /** Time from sending a request to its complete answer, per attempt; default 30 s. */
  requestTimeoutMs?: number;
  /** Attempts of a throttled call (ThrottlingException and kin); default 6. */
  throttleAttempts?: number;
  /** Attempts of a call that timed out, lost its connection or got a 5xx; default 3. */
  transientAttempts?: number;
}

/** The app's defaults: a dead endpoint is noticed in seconds, a slow answer gets 30 s. */
export const AWS_CLIENT_DEFAULTS: Required<AwsClientTuning> = {
  connectionTimeoutMs: 5_000,
  requestTimeoutMs: 30_000,
  throttleAttempts: 6,
  transientAttempts: 3,
};

/**
 * The SDK's adaptive strategy with two budgets: throttling gets more attempts
 * (waiting is the cure for it) than a timeout or a reset (an endpoint that did
 * not answer three times will not answer a sixth; each try costs up to the
 * request timeout).
 */
class AppRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'adaptive';
  private readonly inner: AdaptiveRetryStrategy;
  constructor(
    private readonly throttleAttempts: number,
    private readonly transientAttempts: number,
  ) {
    this.inner = new AdaptiveRetryStrategy(async () => throttleAttempts);
  }
  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(scope);
  }
  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const limit = info.errorType === 'THROTTLING' ? this.throttleAttempts : this.transientAttempts;
    // The SDK rethrows the call's own error when this rejects, so the message here is never shown.
    if (token.getRetryCount() + 1 >= limit) return Promise.reject(new Error('No retry token available'));
    return this.inner.refreshRetryTokenForRetry(token as StandardRetryToken, info);
  }
  recordSuccess(token: RetryToken): void {
    this.inner.recordSuccess(token as StandardRetryToken);
  }
}

/** Spread into any AWS SDK v3 client's config: the app's timeouts and its single retry layer. */
export function awsClientConfig(tuning: AwsClientTuning = {}): {
  requestHandler: NodeHttpHandler;
  retryStrategy: RetryStrategyV2;
  maxAttempts: number;
} {
  const t = { ...AWS_CLIENT_DEFAULTS, ...tuning };
  return {
    requestHandler: new NodeHttpHandler({
      connectionTimeout: t.connectionTimeoutMs,
      requestTimeout: t.requestTimeoutMs,
      // Without it the SDK only logs a warning when requestTimeout passes, and the call keeps waiting.
      throwOnRequestTimeout: true,
    }),
    retryStrategy: new AppRetryStrategy(t.throttleAttempts, t.transientAttempts),
    // Read by the SDK for the attempt header only; the strategy above decides.
    maxAttempts: t.throttleAttempts,
  };
}
