namespace Workbench.DocumentRegister.Domain;

/// <summary>ienākošais, izejošais, iekšējais.</summary>
public enum Direction { Incoming, Outgoing, Internal }

/// <summary>A register (reģistrs) of one kind of document, with its numbering.</summary>
public sealed class Register
{
    public Guid Id { get; set; }
    /// <summary>Short and fixed once documents are numbered with it, e.g. "IEN".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The kind of document it registers, e.g. "Vēstule", "Iesniegums", "Rīkojums".</summary>
    public required string Kind { get; set; }
    public Direction Direction { get; set; }
    public string Prefix { get; set; } = "";
    public required string Pattern { get; set; }
    public bool RestartsYearly { get; set; }
    /// <summary>Fields a document of this kind must have beyond title and case file (<see cref="DocumentFields"/>).</summary>
    public List<string> RequiredFields { get; set; } = [];
    /// <summary>
    /// The case file where documents that arrive rather than being registered by a person go: e-address (DEPP) and DIV
    /// items (incoming registers), other modules' records such as minutes and decisions (registers of their kind).
    /// </summary>
    public Guid? InboxCaseFileId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The fields a register may require of its documents, by their API names.</summary>
public static class DocumentFields
{
    public static readonly IReadOnlyList<string> Optional = ["summary", "author", "correspondent", "documentDate", "executor", "dueDate"];
}

/// <summary>A case file (lieta) of the file plan (lietu nomenklatūra): every document belongs to one.</summary>
public sealed class CaseFile
{
    public Guid Id { get; set; }
    /// <summary>The file-plan index, e.g. "1-12".</summary>
    public required string Index { get; set; }
    public required string Title { get; set; }
    /// <summary>Years to keep the records; none = permanently (pastāvīgi).</summary>
    public int? RetentionYears { get; set; }
    public required string ResponsibleUnit { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The last sequence number drawn in one scope of a register (<see cref="NumberingPattern.CounterScope"/>).</summary>
public sealed class RegisterCounter
{
    public required string Key { get; set; }
    public long Value { get; set; }
}
