namespace OrleansTwitter.Contracts;

/// <summary>
/// Marks a grain method that may be sent again when the first attempt's silo left or died:
/// it reads, or its effect is the same however often it runs (an idempotent write, or a post
/// with an idempotency key). The web front end's cluster client retries only these.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SafeToRetryAttribute : Attribute;
