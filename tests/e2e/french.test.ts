import { describe, expect, it } from 'vitest';
import { counts, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

/** Issue 15: "the users are French investigators and magistrates, and the interface is English only". */
describe('the explorer in French, for a browser that asks for French', () => {
  const session = useExplorerSession({}, { locale: 'fr-FR' });

  it('signs in, searches and expands in French, then switches to English and keeps the choice', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    expect(await page.evaluate(() => navigator.language)).toBe('fr-FR');

    // The sign-in page speaks French at once: nothing was chosen, the browser asked for it.
    await page.getByText("Connectez-vous pour explorer le graphe de l'enquête.").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByLabel("Nom d'utilisateur").fill('admin');
    await page.getByLabel('Mot de passe').fill(session.server.adminPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: "Motif de l'accès" }).waitFor();
    await page.getByLabel('Motif', { exact: true }).fill('Procédure 2025-117 e2e');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // The explorer: tabs, toolbar, header and the empty details in French.
    const search = page.getByRole('searchbox', { name: 'Rechercher des entités' });
    await search.waitFor();
    for (const tab of ['Détails', 'Chemins', 'Filtres', 'Carte', "Signaux d'alerte", 'Analyse', 'Dossier']) {
      await page.getByRole('tab', { name: tab }).waitFor();
    }
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('toolbar', { name: 'Outils du graphe' }).getByRole('button', { name: 'Annuler' }).waitFor();
    await page.getByText('Recherchez une personne, une organisation').waitFor();
    expect(await page.getByTestId('status-counts').innerText()).toBe('0 nœud · 0 lien');

    // Search and open Djeha: the label and the details are in French, the data as stored.
    await search.fill('Djeha');
    // Djeha first: the events whose description names him come after every name match.
    const option = page.getByRole('option', { name: /Mohamed Djeha/ }).first();
    await option.waitFor();
    await expect(option.innerText()).resolves.toContain('Personne');
    await search.press('Enter');
    const details = page.getByRole('region', { name: 'Détails de Mohamed Djeha' });
    await details.waitFor();
    await expect(details.innerText()).resolves.toContain('Alias :');
    await details.getByRole('heading', { name: 'Propriétés' }).waitFor();
    await details.getByRole('heading', { name: 'Liens' }).waitFor();
    expect(await page.getByTestId('status-counts').innerText()).toBe('1 nœud · 0 lien');
    await session.browser.screenshot('fr-01-details');

    // Expand: the relationship group names the type in French, its role property in words.
    await details.getByRole('button', { name: 'Développer', exact: true }).click();
    await waitUntil(page, 'the expansion', async () => (await counts(page)).nodes > 1);
    await expect.poll(() => details.innerText()).toMatch(/impliqué dans \(1\)/);
    await expect(details.innerText()).resolves.toContain('Rôle : intended target');
    const expanded = await counts(page);
    expect(await page.getByTestId('status-counts').innerText()).toBe(
      `${expanded.nodes} nœuds · ${expanded.relationships} ${expanded.relationships <= 1 ? 'lien' : 'liens'}`,
    );
    await page.getByRole('complementary', { name: 'Légende' }).getByText('Événement').waitFor();
    await session.browser.screenshot('fr-02-expanded');

    // Switch to English: the same view, now in English.
    await page.getByLabel('Langue / Language').selectOption('en');
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('region', { name: 'Details of Mohamed Djeha' }).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Details of Mohamed Djeha' }).innerText())
      .toMatch(/INVOLVED_IN \(1\)/);
    expect(await page.getByTestId('status-counts').innerText()).toBe(
      `${expanded.nodes} nodes · ${expanded.relationships} relationships`,
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The choice outlives a reload, over the browser's French.
    await page.reload();
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('maillon.locale'))).toBe('en');
  });
});
