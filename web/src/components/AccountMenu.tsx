import { useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { login, logout, useSession } from '../session';

/** The header's login form (name, password) or, once logged in, the name, role and 退出. */
export function AccountMenu(props: { onChange?: () => void }) {
  const { t } = useT();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const roleLabel = { viewer: t('roleViewer'), editor: t('roleEditor'), admin: t('roleAdmin') };

  if (session.user) {
    return (
      <div className="account" data-testid="account">
        <span>{session.user.name}<small> · {roleLabel[session.user.role]}</small></span>
        <button type="button" onClick={async () => { await logout(); props.onChange?.(); }} data-testid="logout">{t('logout')}</button>
      </div>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await login(name, password);
    setBusy(false);
    if (r.ok) {
      setPassword('');
      setOpen(false);
      setError('');
      props.onChange?.();
    } else setError(r.code === 'TOO_MANY_LOGIN_ATTEMPTS' ? t('tooManyLogins') : r.code === 'BAD_CREDENTIALS' ? t('loginFailed') : r.message);
  };
  if (!open) return <div className="account"><button type="button" onClick={() => setOpen(true)} data-testid="login-open">{t('login')}</button></div>;
  return (
    <form className="account login" onSubmit={submit} data-testid="login-form">
      <label>{t('accountName')}<input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" required data-testid="login-name" /></label>
      <label>{t('password')}<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required data-testid="login-password" /></label>
      <button type="submit" disabled={busy} data-testid="login-submit">{t('login')}</button>
      <button type="button" onClick={() => { setOpen(false); setError(''); }}>{t('cancel')}</button>
      {error && <span className="login-error" role="alert">{error}</span>}
    </form>
  );
}
