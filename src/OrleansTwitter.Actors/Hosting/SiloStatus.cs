namespace OrleansTwitter.Actors.Hosting;

/// <summary>Where a silo is in its life; the same names as membership rows use.</summary>
public enum SiloStatus
{
    Created,
    Joining,
    Active,
    ShuttingDown,
    Dead,
}
