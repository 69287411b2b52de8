import type { Page } from '@playwright/test';
import { withUsccCheckDigit } from '../lib/domain/uscc';
import { expect, expectAccessible, test } from './fixtures';
import { expectListboxKeys } from './listbox-keys';

async function useLocale(page: Page, locale: 'zh' | 'en') {
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: page.url() }]);
}

/**
 * Operator and subject pickers search the server as you type (never a list of every operator): ten
 * options at most, the rest said ("还有 3 条，请细化搜索"), chosen by keyboard.
 */
test('an inspector picks an operator among thirteen by typing, by keyboard, and filters the case list by one', async ({ page, loginAs, baseURL }) => {
  test.setTimeout(360_000);
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const digits = String(Date.now() % 10_000_000).padStart(7, '0').slice(0, 5);
  await loginAs('inspector', '/subjects/new');
  const ids: number[] = [];
  for (let n = 0; n < 13; n++) {
    const res = await page.request.post('/api/v1/operators', {
      headers: { origin: baseURL! },
      data: { name: `选择器测试${tag}运营者${String(n).padStart(2, '0')}`, uscc: withUsccCheckDigit(`91330100MA${digits}${String(n).padStart(2, '0')}`), region: '330100' },
    });
    expect(res.status(), await res.text()).toBe(201);
    ids.push((await res.json()).operator.id);
  }

  await useLocale(page, 'zh');
  await page.goto('/subjects/new');
  const box = page.getByRole('combobox', { name: '运营主体', exact: true });
  await box.fill(tag);
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveCount(10);
  await expect(page.getByTestId('combobox-more')).toHaveText('还有 3 条，请细化搜索');
  await expect(page.locator('#operatorId-status')).toHaveText('显示 10 条，共 13 条');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page);

  // The app's one combobox key behaviour (wrapping arrows, Enter, Escape): the second option is operator 01.
  await expectListboxKeys(box, () => box.fill(tag), async (text) => {
    expect(text).toContain(`选择器测试${tag}运营者01`);
    await expect(box).toHaveValue(`选择器测试${tag}运营者01`);
    await expect(page.locator('input[type="hidden"][name="operatorId"]')).toHaveValue(String(ids[1]));
  });
  await expect(box).toHaveValue(`选择器测试${tag}运营者01`);

  // The shell's search: the same keys; Enter on a result opens it, Enter with none active searches the case list.
  const shellSearch = page.getByRole('combobox', { name: '搜索案件、被检对象、运营主体和标识' });
  // (Emptied first: the shell keeps its text across pages, and the same text again is no change.)
  const searchTag = async () => {
    await shellSearch.fill('');
    await shellSearch.fill(tag);
  };
  await expectListboxKeys(shellSearch, searchTag, async (text) => {
    const label = text.match(new RegExp(`选择器测试${tag}运营者\\d\\d`))?.[0];
    expect(label, text).toBeTruthy();
    await page.waitForURL(/\/operators\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(label!);
  });
  await searchTag();
  await expect(page.locator(`[id="${await shellSearch.getAttribute('aria-controls')}"]`).getByRole('option').first()).toBeVisible();
  await expect(shellSearch).not.toHaveAttribute('aria-activedescendant');
  await shellSearch.press('Enter');
  await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('q') === tag);

  // Refine, then choose with the keyboard.
  await page.goto('/subjects/new');
  await box.fill(`${tag}运营者12`);
  await expect(options).toHaveCount(1);
  await expect(page.getByTestId('combobox-more')).toHaveCount(0);
  await expect(page.locator('#operatorId-status')).toHaveText('1 条结果');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(box).toHaveValue(`选择器测试${tag}运营者12`);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('input[type="hidden"][name="operatorId"]')).toHaveValue(String(ids[12]));

  await page.locator('#name').fill(`选择器小程序${tag}`);
  await page.locator('#sector').selectOption('parking');
  await page.locator('[id="identifier.mini_program_appid"]').fill(`wx${tag}pick`);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/subjects\/\d+\?created=1/);
  await expect(page.getByRole('main').getByText(`选择器测试${tag}运营者12`).first()).toBeVisible();

  // The case list's operator filter: the same search, submitted as operator=<id>.
  await page.goto('/cases');
  const filter = page.getByRole('combobox', { name: '运营主体', exact: true });
  await filter.fill(tag);
  await expect(options).toHaveCount(10);
  await expect(page.getByTestId('combobox-more')).toHaveText('还有 3 条，请细化搜索');
  await expect(page.locator('#f-operator-status')).toHaveText('显示 10 条，共 13 条');
  // The first option is active once the results come; one ArrowDown moves to the second.
  await expect(filter).toHaveAttribute('aria-activedescendant', `f-operator-opt-${ids[0]}`);
  await filter.press('ArrowDown');
  await filter.press('Enter');
  await expect(filter).toHaveValue(`选择器测试${tag}运营者01`);
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(new RegExp(`operator=${ids[1]}`));
  await expect(page.getByRole('combobox', { name: '运营主体', exact: true })).toHaveValue(`选择器测试${tag}运营者01`);

  // Escape closes the list and puts back the chosen name.
  await filter.fill('选择器测试');
  await expect(options.first()).toBeVisible();
  await filter.press('Escape');
  await expect(filter).toHaveAttribute('aria-expanded', 'false');
  await expect(filter).toHaveValue(`选择器测试${tag}运营者01`);
});
