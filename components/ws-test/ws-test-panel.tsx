"use client";

import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";

interface Line {
  at: string;
  event: string;
  data: string;
}

/**
 * Chatery's WebSocket test page: connect with the dashboard's own sign-in (no key to paste), pick a
 * payload format, subscribe to a session and watch its events arrive.
 */
export function WsTestPanel({ sessions }: { sessions: Array<{ sessionId: string; name: string }> }) {
  const [format, setFormat] = useState<"default" | "chatery">("default");
  const [sessionId, setSessionId] = useState(sessions[0]?.sessionId ?? "");
  const [connected, setConnected] = useState(false);
  const [lines, setLines] = useState<Line[]>([]);
  const socketRef = useRef<Socket | null>(null);

  const log = (event: string, data: unknown) =>
    setLines((old) => [{ at: new Date().toLocaleTimeString(), event, data: JSON.stringify(data, null, 1)?.slice(0, 2000) ?? "" }, ...old].slice(0, 200));

  function connect() {
    socketRef.current?.close();
    const socket = io({ path: "/socket.io", withCredentials: true, auth: { format }, transports: ["websocket"] });
    socketRef.current = socket;
    socket.on("connect", () => {
      setConnected(true);
      log("connect", { id: socket.id, format });
      if (sessionId) socket.emit("subscribe", { sessionId }, (ack: unknown) => log("subscribe", ack));
    });
    socket.on("disconnect", (reason) => (setConnected(false), log("disconnect", reason)));
    socket.on("connect_error", (error) => log("connect_error", error.message));
    socket.onAny((event, data) => log(event, data));
  }

  useEffect(() => () => void socketRef.current?.close(), []);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Connection" description="Uses your dashboard sign-in. API clients pass auth: { apiKey, format }." />
        <div className="grid gap-4 p-5 sm:grid-cols-3 sm:items-end">
          <SelectField label="Session" value={sessionId} onChange={(e) => setSessionId(e.target.value)} data-testid="ws-session">
            {sessions.map((s) => (
              <option key={s.sessionId} value={s.sessionId}>
                {s.name} ({s.sessionId})
              </option>
            ))}
          </SelectField>
          <SelectField label="Payload format" value={format} onChange={(e) => setFormat(e.target.value as "default" | "chatery")} data-testid="ws-format">
            <option value="default">Wagate (default)</option>
            <option value="chatery">Chatery</option>
          </SelectField>
          <div className="flex gap-2">
            <Button onClick={connect} data-testid="ws-connect">
              {connected ? "Reconnect" : "Connect"}
            </Button>
            <Button variant="secondary" onClick={() => socketRef.current?.close()} disabled={!connected}>
              Disconnect
            </Button>
          </div>
        </div>
      </Card>
      <Card>
        <CardHeader title="Events" description={connected ? "Connected" : "Not connected"} />
        <ol className="max-h-[60vh] divide-y divide-slate-100 overflow-y-auto dark:divide-slate-800" data-testid="ws-events" aria-live="polite">
          {lines.map((line, i) => (
            <li key={`${line.at}-${i}`} className="p-3 text-sm" data-testid="ws-event" data-event={line.event}>
              <span className="font-mono text-xs text-slate-500">{line.at}</span> <strong>{line.event}</strong>
              <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap text-slate-700">{line.data}</pre>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
