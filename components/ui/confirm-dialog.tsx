"use client";

import { useT } from "@/components/shell/i18n";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

interface ConfirmDialogProps {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
}

/** "Are you sure?" for destructive actions; the action button is red and says what it does. */
export function ConfirmDialog({ open, onCancel, onConfirm, title, description, confirmLabel, pending, error }: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={description}
      data-testid="confirm-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t("common.cancel")}
          </Button>
          <Button variant="danger" onClick={onConfirm} pending={pending} data-testid="confirm-button">
            {confirmLabel}
          </Button>
        </>
      }
    >
      {error ? <Alert>{error}</Alert> : null}
    </Dialog>
  );
}
