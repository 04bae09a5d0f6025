namespace Workbench.Abstractions.Modules;

/// <summary>The version of the contract in this assembly. A module declares the range of it that it supports.</summary>
public static class HostApi
{
    public static readonly Version Current = new(1, 0);
}
