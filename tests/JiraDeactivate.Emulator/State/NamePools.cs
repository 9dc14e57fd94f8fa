namespace JiraDeactivate.Emulator.State;

/// <summary>Fixed word lists the generator draws realistic names and settings from.</summary>
internal static class NamePools
{
    public static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas", "Mia", "Mateo", "Amelia", "Levi",
        "Harper", "Ethan", "Evelyn", "James", "Aria", "Benjamin", "Chloe", "Henry", "Zoe", "Sebastian", "Nora",
        "Jack", "Hannah", "Owen", "Leila", "Samuel", "Priya", "Arjun", "Mei", "Hiroshi", "Yuki", "Sven", "Ingrid",
        "Lukas", "Anna", "Jonas", "Lea", "Pierre", "Camille", "Diego", "Lucia", "Kwame", "Ama", "Fatima", "Omar",
        "Sofia", "Mateus", "Aisha", "Tariq", "Chen", "Wei", "Isabella", "Gabriel", "Elena", "Nikolai", "Olga",
        "Rahul", "Ananya", "Kofi", "Zanele", "Maya", "Daniel",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "King", "Wright", "Scott",
        "Nguyen", "Patel", "Kim", "Chen", "Wang", "Tanaka", "Sato", "Müller", "Schmidt", "Schneider", "Fischer",
        "Weber", "Dubois", "Moreau", "Rossi", "Russo", "Silva", "Santos", "Okafor", "Mensah", "Kowalski",
        "Novak", "Ivanova", "Larsen", "Johansson", "O'Brien", "Murphy", "Singh", "Sharma", "Haddad", "Costa",
    ];

    public static readonly string[] AppNames =
    [
        "Automation for Jira", "Slack", "Microsoft Teams for Jira Cloud", "Tempo Timesheets", "Zephyr Scale",
        "Jira Cloud for Google Sheets", "GitHub for Jira", "Opsgenie Integration", "Trello", "Xray Test Management",
        "ScriptRunner for Jira", "Jira Misc Workflow Extensions",
    ];

    public static readonly string[] TimeZones =
    [
        "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "Europe/London",
        "America/Los_Angeles", "Asia/Kolkata", "America/Sao_Paulo", "Africa/Johannesburg", "UTC",
    ];

    public static readonly string[] Locales = ["en_US", "en_GB", "de_DE", "fr_FR", "ja_JP", "es_ES", "pt_BR"];

    public static readonly string[] ExternalDomains = ["contractor.example", "partner-agency.example", "freelance.example"];
}
