"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { requestJson } from "@/components/api/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { fieldErrorsFromApi, validateForm, type FieldErrors } from "@/components/ui/form-errors";
import { useToast } from "@/components/ui/toast";
import { useT } from "@/components/shell/i18n";
import { updateMeSchema } from "@/lib/users/users.schema";

interface Me {
  name: string;
  email: string;
  username: string;
  phone: string | null;
  timeZone: string | null;
  locale: string | null;
}

/** Profile, preferences, password and sign-out-everywhere: each its own form, errors next to fields. */
export function AccountForms({ me }: { me: Me }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ProfileForm me={me} />
      <PreferencesForm me={me} />
      <PasswordForm />
      <SignOutEverywhere />
    </div>
  );
}

/** Submits `values` after checking them with the API's own schema; returns whether it worked. */
function useSave() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  async function save(values: Record<string, unknown>): Promise<boolean> {
    const checked = validateForm(updateMeSchema, values);
    if (checked.errors) {
      setErrors(checked.errors);
      return false;
    }
    setPending(true);
    setErrors({});
    try {
      await requestJson("PATCH", "/api/users/me", values);
      return true;
    } catch (e) {
      setErrors(fieldErrorsFromApi(e, Object.keys(values)));
      return false;
    } finally {
      setPending(false);
    }
  }
  return { errors, pending, save };
}

function ProfileForm({ me }: { me: Me }) {
  const router = useRouter();
  const toast = useToast();
  const t = useT();
  const { errors, pending, save } = useSave();
  return (
    <Card>
      <CardHeader title={t("account.profile")} description={t("account.signedInAs", { username: me.username, email: me.email })} />
      <form
        noValidate
        className="space-y-4 p-5"
        data-testid="profile-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const phone = String(form.get("phone") ?? "").trim();
          if (await save({ name: String(form.get("name") ?? "").trim(), phone: phone || null })) {
            toast(t("account.profileSaved"));
            router.refresh();
          }
        }}
      >
        {errors[""] && <Alert>{errors[""]}</Alert>}
        <Field label={t("account.name")} name="name" required defaultValue={me.name} autoComplete="name" error={errors.name} />
        <Field label={t("account.phone")} name="phone" type="tel" defaultValue={me.phone ?? ""} autoComplete="tel" error={errors.phone} />
        <Button type="submit" pending={pending}>
          {t("account.saveProfile")}
        </Button>
      </form>
    </Card>
  );
}

function PreferencesForm({ me }: { me: Me }) {
  const toast = useToast();
  const t = useT();
  const { errors, pending, save } = useSave();
  const [zones, setZones] = useState<string[]>(me.timeZone ? [me.timeZone] : []);
  const [browserZone, setBrowserZone] = useState("");
  useEffect(() => {
    setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const all = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
    setZones(all.length > 0 ? all : me.timeZone ? [me.timeZone] : []);
  }, [me.timeZone]);
  return (
    <Card>
      <CardHeader title={t("account.preferences")} description={t("account.preferencesDescription")} />
      <form
        noValidate
        className="space-y-4 p-5"
        data-testid="preferences-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const timeZone = String(form.get("timeZone") ?? "") || null;
          const locale = String(form.get("locale") ?? "") || null;
          if (await save({ timeZone, locale })) {
            toast(t("account.preferencesSaved"));
            // The shell reads them on load (language of the page, dates).
            window.location.reload();
          }
        }}
      >
        {errors[""] && <Alert>{errors[""]}</Alert>}
        <SelectField label={t("account.timeZone")} name="timeZone" defaultValue={me.timeZone ?? ""} data-testid="time-zone">
          <option value="">{browserZone ? t("account.browserDefaultZone", { zone: browserZone }) : t("account.browserDefault")}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </SelectField>
        {errors.timeZone && <p className="text-xs font-medium text-red-700">{errors.timeZone}</p>}
        <SelectField label={t("account.language")} name="locale" defaultValue={me.locale ?? ""} data-testid="language">
          <option value="">{t("account.browserDefault")}</option>
          <option value="en">English</option>
          <option value="id">Bahasa Indonesia</option>
        </SelectField>
        <Button type="submit" pending={pending}>
          {t("account.savePreferences")}
        </Button>
      </form>
    </Card>
  );
}

function PasswordForm() {
  const toast = useToast();
  const t = useT();
  const { errors, pending, save } = useSave();
  return (
    <Card>
      <CardHeader title={t("account.password")} description={t("account.passwordDescription")} />
      <form
        noValidate
        className="space-y-4 p-5"
        data-testid="password-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const element = event.currentTarget;
          const form = new FormData(element);
          const values = {
            currentPassword: String(form.get("currentPassword") ?? "") || undefined,
            newPassword: String(form.get("newPassword") ?? "") || undefined,
          };
          if (!values.newPassword) values.newPassword = "";
          if (await save(values)) {
            element.reset();
            toast(t("account.passwordChanged"));
          }
        }}
      >
        {errors[""] && <Alert>{errors[""]}</Alert>}
        <Field
          label={t("account.currentPassword")}
          name="currentPassword"
          type="password"
          required
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <Field
          label={t("account.newPassword")}
          name="newPassword"
          type="password"
          required
          autoComplete="new-password"
          hint={t("account.newPasswordHint")}
          error={errors.newPassword}
        />
        <Button type="submit" pending={pending}>
          {t("account.changePassword")}
        </Button>
      </form>
    </Card>
  );
}

function SignOutEverywhere() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <Card>
      <CardHeader title={t("account.signOutEverywhere")} description={t("account.signOutEverywhereDescription")} />
      <div className="space-y-3 p-5">
        {error && <Alert>{error}</Alert>}
        <Button
          variant="danger"
          pending={pending}
          data-testid="sign-out-everywhere"
          onClick={async () => {
            setPending(true);
            setError(null);
            try {
              await requestJson("POST", "/api/users/me/sign-out-everywhere");
              window.location.assign("/login");
            } catch (e) {
              setError(e instanceof Error ? e.message : t("account.signOutEverywhereFailed"));
              setPending(false);
            }
          }}
        >
          {t("account.signOutEverywhere")}
        </Button>
      </div>
    </Card>
  );
}
