namespace Workbench.CouncilSessions.Domain;

/// <summary>Thrown for a request the current state refuses (HTTP 409): the message says why.</summary>
public sealed class CouncilConflictException(string message) : Workbench.Abstractions.ConflictException(message);
