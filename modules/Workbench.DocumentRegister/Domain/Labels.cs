namespace Workbench.DocumentRegister.Domain;

/// <summary>The Latvian words for the register's states, as the screens show them (translated through Localization/en.json).</summary>
public static class Labels
{
    public static string Of(DocumentStatus status) => status switch { DocumentStatus.Registered => "reģistrēts", DocumentStatus.InProgress => "izpildē", _ => "slēgts" };

    public static string Of(Direction direction) => direction switch { Direction.Incoming => "ienākošais", Direction.Outgoing => "izejošais", _ => "iekšējais" };

    public static string Of(ApprovalDecision decision) => decision switch { ApprovalDecision.Pending => "gaida", ApprovalDecision.Approved => "saskaņots", _ => "noraidīts" };

    public static string Of(ApprovalMode mode) => mode == ApprovalMode.Sequential ? "pēc kārtas" : "vienlaikus";
}
