namespace JiraDeactivate.Core.Http;

/// <summary>Receives one line per HTTP attempt (method, path, status, time, attempt). Never given a secret.</summary>
public interface IHttpTrace
{
    void Write(string line);
}
